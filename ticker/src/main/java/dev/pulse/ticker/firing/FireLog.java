package dev.pulse.ticker.firing;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * One INFO line per fire and per missed instant (job, execution, instant), up to a budget per second of
 * the wall clock, shared by every partition of the instance; beyond it the rest of that second is counted
 * and summed up in one line. At 08:00 a ticker fires thousands of jobs within a second, and a line for
 * each would bury everything else in the log.
 */
final class FireLog {

    private final Logger log;
    private final int linesPerSecond;
    private long second = Long.MIN_VALUE;
    private int logged;
    private int firedUnlogged;
    private int missedUnlogged;

    FireLog(Logger log, int linesPerSecond) {
        this.log = log;
        this.linesPerSecond = linesPerSecond;
    }

    synchronized void fired(String jobId, UUID execution, Instant instant, long nowMillis) {
        if (withinBudget(nowMillis)) {
            try (var job = MDC.putCloseable("job_id", jobId); var run = MDC.putCloseable("execution_id", execution.toString())) {
                log.info("Fired job {} for {} (execution {})", jobId, instant, execution);
            }
        } else {
            firedUnlogged++;
        }
    }

    synchronized void missed(String jobId, UUID execution, Instant instant, Duration grace, long nowMillis) {
        if (withinBudget(nowMillis)) {
            try (var job = MDC.putCloseable("job_id", jobId); var run = MDC.putCloseable("execution_id", execution.toString())) {
                log.info("Job {} missed its run at {} (execution {}, beyond the misfire grace of {})", jobId, instant, execution, grace);
            }
        } else {
            missedUnlogged++;
        }
    }

    /** Called on every tick, so a busy second is summed up as soon as it is over, even if nothing fires after it. */
    synchronized void tick(long nowMillis) {
        if (nowMillis / 1_000 != second) {
            summarize();
        }
    }

    private boolean withinBudget(long nowMillis) {
        tick(nowMillis);
        second = nowMillis / 1_000;
        return logged++ < linesPerSecond;
    }

    private void summarize() {
        if (firedUnlogged + missedUnlogged > 0) {
            log.info("Fired {} more jobs and reported {} more missed runs in the second from {} (the first {} logged one by one)",
                    firedUnlogged, missedUnlogged, Instant.ofEpochSecond(second), linesPerSecond);
        }
        firedUnlogged = 0;
        missedUnlogged = 0;
        logged = 0;
    }
}

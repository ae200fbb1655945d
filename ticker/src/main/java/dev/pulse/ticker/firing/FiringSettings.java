package dev.pulse.ticker.firing;

import java.time.Duration;
import java.util.Objects;

/**
 * How the firing processor runs: how often it looks for due jobs and the misfire grace of jobs that set
 * none (configuration, which the service passes in; its defaults live in the ticker's application.yml),
 * bounds that keep one punctuation (one transaction) from growing without limit, and how many stale
 * entries the in-memory due queue may carry beyond twice its live ones before it is rebuilt.
 */
public record FiringSettings(Duration tick, Duration defaultMisfireGrace, int maxFiresPerTick, int maxMissedPerJobPerTick,
        int queueSlack) {

    // Streams punctuates every task, then commits once: the bound per task keeps one transaction far
    // below the 10 s transaction timeout of exactly-once, even with many tasks due at once. These are
    // properties of the processor, not settings an operator tunes, so they are not configuration.
    private static final int MAX_FIRES_PER_TICK = 2_000;
    private static final int MAX_MISSED_PER_JOB_PER_TICK = 1_000;
    private static final int QUEUE_SLACK = 10_000;

    public FiringSettings {
        Objects.requireNonNull(tick, "tick");
        Objects.requireNonNull(defaultMisfireGrace, "defaultMisfireGrace");
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("the tick must be positive, got " + tick);
        }
    }

    /** The configured tick and default grace, with the processor's own bounds. */
    public static FiringSettings of(Duration tick, Duration defaultMisfireGrace) {
        return new FiringSettings(tick, defaultMisfireGrace, MAX_FIRES_PER_TICK, MAX_MISSED_PER_JOB_PER_TICK, QUEUE_SLACK);
    }

    FiringSettings withQueueSlack(int slack) {
        return new FiringSettings(tick, defaultMisfireGrace, maxFiresPerTick, maxMissedPerJobPerTick, slack);
    }
}

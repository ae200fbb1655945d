package dev.pulse.ticker.firing;

import java.time.Duration;

/**
 * How the firing processor runs: how often it looks for due jobs, the misfire grace of jobs that set
 * none, bounds that keep one punctuation (one transaction) from growing without limit, and how many
 * stale entries the in-memory due queue may carry beyond twice its live ones before it is rebuilt.
 */
public record FiringSettings(Duration tick, Duration defaultMisfireGrace, int maxFiresPerTick, int maxMissedPerJobPerTick,
        int queueSlack) {

    public static FiringSettings defaults() {
        // Streams punctuates every task, then commits once: the bound per task keeps one transaction far
        // below the 10 s transaction timeout of exactly-once, even with many tasks due at once.
        return new FiringSettings(Duration.ofMillis(2), Duration.ofHours(1), 2_000, 1_000, 10_000);
    }

    public FiringSettings withTickAndGrace(Duration tick, Duration defaultMisfireGrace) {
        return new FiringSettings(tick, defaultMisfireGrace, maxFiresPerTick, maxMissedPerJobPerTick, queueSlack);
    }

    FiringSettings withQueueSlack(int slack) {
        return new FiringSettings(tick, defaultMisfireGrace, maxFiresPerTick, maxMissedPerJobPerTick, slack);
    }
}

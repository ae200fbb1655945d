package dev.pulse.ticker.firing;

import java.time.Duration;

/**
 * How the firing processor runs: how often it looks for due jobs, the misfire grace of jobs that set
 * none, and bounds that keep one punctuation (one transaction) from growing without limit.
 */
public record FiringSettings(Duration tick, Duration defaultMisfireGrace, int maxFiresPerTick, int maxMissedPerJobPerTick) {

    public static FiringSettings defaults() {
        // Streams punctuates every task, then commits once: the bound per task keeps one transaction far
        // below the 10 s transaction timeout of exactly-once, even with many tasks due at once.
        return new FiringSettings(Duration.ofMillis(10), Duration.ofHours(1), 2_000, 1_000);
    }
}

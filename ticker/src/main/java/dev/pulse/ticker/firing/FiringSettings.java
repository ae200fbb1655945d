package dev.pulse.ticker.firing;

import java.time.Duration;

/**
 * How the firing processor runs: how often it looks for due jobs, the misfire grace of jobs that set
 * none, and bounds that keep one punctuation (one transaction) from growing without limit.
 */
public record FiringSettings(Duration tick, Duration defaultMisfireGrace, int maxFiresPerTick, int maxMissedPerJobPerTick) {

    public static FiringSettings defaults() {
        return new FiringSettings(Duration.ofMillis(10), Duration.ofHours(1), 20_000, 1_000);
    }
}

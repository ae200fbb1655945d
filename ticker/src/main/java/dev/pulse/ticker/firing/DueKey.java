package dev.pulse.ticker.firing;

import java.time.Instant;

/**
 * Keys of the due index: the instant in epoch milliseconds, zero-padded to a fixed width so that the
 * store's byte order is time order, then the job id. A range scan up to "now" finds every due job.
 */
final class DueKey {

    private static final int WIDTH = 15; // epoch millis fit in 15 digits until the year 33658
    private static final char SEPARATOR = '/';
    static final String LOWEST = "0".repeat(WIDTH);

    private DueKey() {
    }

    static String of(Instant instant, String jobId) {
        return millis(instant) + SEPARATOR + jobId;
    }

    /** The last possible key at {@code instant}: a range up to it includes every job due then. */
    static String upTo(Instant instant) {
        return millis(instant) + (char) (SEPARATOR + 1);
    }

    static Instant instantOf(String key) {
        return Instant.ofEpochMilli(Long.parseLong(key.substring(0, WIDTH)));
    }

    static String jobIdOf(String key) {
        return key.substring(WIDTH + 1);
    }

    private static String millis(Instant instant) {
        String digits = Long.toString(Math.max(0, instant.toEpochMilli()));
        return "0".repeat(WIDTH - digits.length()) + digits;
    }
}

package dev.pulse.bench;

import java.util.Arrays;

/** Lags in milliseconds, summarised as percentiles. */
final class Lags {

    private final long[] sorted;

    Lags(long[] millis) {
        this.sorted = millis.clone();
        Arrays.sort(sorted);
    }

    long percentile(double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    int count() {
        return sorted.length;
    }

    long max() {
        return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
    }
}

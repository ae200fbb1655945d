package dev.pulse.generate.compose;

import java.time.Duration;

/**
 * How a newsletter is put together: {@code defaultMaxItems} for jobs without max_items,
 * {@code perSource} the most stories one source may give (at least a third of max_items, so a job with
 * one source still fills), {@code halfLife} of recency, {@code summaryLength} in characters.
 */
public record ComposeSettings(int defaultMaxItems, int perSource, Duration halfLife, int summaryLength) {
}

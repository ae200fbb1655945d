package dev.pulse.scrape.run;

/**
 * How much a run selects: {@code max_items} × {@code selectionFactor} items (generate ranks them down
 * to max_items), never more than {@code maxResultItems}; jobs that set no max_items or days_back get
 * {@code defaultMaxItems} and {@code defaultDaysBack} (the original's defaults, 10 and 1).
 */
public record RunPolicy(int selectionFactor, int maxResultItems, int defaultMaxItems, int defaultDaysBack) {
}

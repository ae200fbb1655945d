package dev.pulse.ticker.firing;

import java.time.Duration;

/** What the firing processor reports; Micrometer in the service, a recorder in tests. */
public interface FiringMetrics {

    /** A JobDue was published {@code lag} after its nominal instant. */
    void fired(Duration lag);

    /** An instant passed beyond its grace and was reported missed. */
    void missed();

    /** After a punctuation: how many due entries were left for the next one (0 when caught up). */
    void backlog(int partition, long entries);

    /** Jobs (not deleted) held by one partition's store. */
    void jobsHeld(int partition, long jobs);

    FiringMetrics NONE = new FiringMetrics() {
        @Override
        public void fired(Duration lag) {
        }

        @Override
        public void missed() {
        }

        @Override
        public void backlog(int partition, long entries) {
        }

        @Override
        public void jobsHeld(int partition, long jobs) {
        }
    };
}

package dev.pulse.scrape.reddit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Reddit's window as its last answer described it ({@code X-Ratelimit-Remaining} requests until
 * {@code X-Ratelimit-Reset} seconds from then), shared by every listing of the instance.
 */
final class RateLimit {

    private final Clock clock;
    private double remaining = Double.MAX_VALUE;
    private Instant resetAt = Instant.MIN;

    RateLimit(Clock clock) {
        this.clock = clock;
    }

    /** How long to wait before the next request; zero when the window has room. */
    synchronized Duration waitBeforeNext() {
        Instant now = clock.instant();
        if (remaining >= 1 || !resetAt.isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, resetAt);
    }

    synchronized void update(Map<String, String> headers) {
        String left = headers.get("x-ratelimit-remaining");
        String reset = headers.get("x-ratelimit-reset");
        try {
            if (left != null && reset != null) {
                remaining = Double.parseDouble(left.trim());
                resetAt = clock.instant().plusSeconds((long) Math.ceil(Double.parseDouble(reset.trim())));
            }
        } catch (NumberFormatException ignored) {
            // a malformed header leaves the last known window
        }
    }

    /** Every request counts against the window before its answer arrives. */
    synchronized void spend() {
        remaining = remaining == Double.MAX_VALUE ? remaining : remaining - 1;
    }
}

package dev.pulse.scrape.feed;

import java.time.Duration;

/**
 * When a feed is fetched again: a fetch younger than {@code freshness} (or the feed's own max-age, up
 * to {@code maxFreshness}) is reused; from the second failure in a row a feed waits
 * {@code failureBackoff} × 2ⁿ⁻² (at most {@code maxFailureBackoff}) or the server's Retry-After, the
 * later. {@code listingSize} is how many posts a Reddit listing asks for.
 */
public record FeedPolicy(Duration freshness, Duration maxFreshness, Duration failureBackoff,
        Duration maxFailureBackoff, int listingSize) {
}

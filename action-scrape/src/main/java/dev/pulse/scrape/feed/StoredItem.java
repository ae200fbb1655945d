package dev.pulse.scrape.feed;

import java.time.Instant;
import java.util.UUID;

/** An item as stored for its feed. */
public record StoredItem(UUID id, UUID feedId, String url, String title, String summary, String author,
        Instant publishedAt, String imageUrl, double score, int comments) {
}

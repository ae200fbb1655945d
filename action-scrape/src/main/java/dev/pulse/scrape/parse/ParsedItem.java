package dev.pulse.scrape.parse;

import java.time.Instant;

/**
 * One normalised item of a feed or listing: {@code key} identifies it within its source (the GUID,
 * Reddit's post id, else the canonical URL); text fields are plain text.
 */
public record ParsedItem(String key, String guid, String url, String title, String summary, String author,
        Instant publishedAt, String imageUrl, double score, int comments) {
}

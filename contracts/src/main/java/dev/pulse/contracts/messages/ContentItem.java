package dev.pulse.contracts.messages;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One scraped article, carried to the generate stage so it needs no read of the scraper's tables. */
public record ContentItem(
        UUID id,
        SourceType sourceType,
        String sourceUrl,
        String url,
        String title,
        String summary,
        String author,
        Instant publishedAt,
        double score) {

    public ContentItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
    }
}

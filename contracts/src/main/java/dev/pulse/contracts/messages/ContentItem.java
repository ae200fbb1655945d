package dev.pulse.contracts.messages;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One scraped article, carried to the generate stage so it needs no read of the scraper's tables.
 * {@code id} is stable: the same article of the same source has the same id in every execution.
 * {@code source} is the source as its report names it ({@link SourceReport#source()}); {@code score}
 * and {@code comments} are the listing's engagement (Reddit), 0 where a feed has none; {@code summary},
 * {@code author}, {@code publishedAt} and {@code imageUrl} may be absent.
 */
public record ContentItem(
        UUID id,
        SourceType sourceType,
        String source,
        String sourceTitle,
        String url,
        String title,
        String summary,
        String author,
        Instant publishedAt,
        String imageUrl,
        double score,
        int comments) {

    public ContentItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sourceType, "source_type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
    }
}

package dev.pulse.generate.compose;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One story of a newsletter: an article, or several items that are the same article (same URL, or
 * near-identical titles), credited to every source it came from. {@code itemIds} are the scraped
 * items it stands for; {@code rank} orders stories (higher first).
 */
public record Story(List<UUID> itemIds, String title, String url, String summary, String imageUrl,
        List<String> credits, String group, Instant publishedAt, double rank) {

    public Story {
        itemIds = List.copyOf(itemIds);
        credits = List.copyOf(credits);
    }
}

package dev.pulse.generate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import dev.pulse.contracts.messages.ContentItem;
import dev.pulse.contracts.messages.SourceType;

/** Content items as the scrape stage sends them, for the generate tests. */
public final class Items {

    public static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private Items() {
    }

    public static ContentItem feed(String source, String title, String url, int hoursOld) {
        return item(SourceType.RSS, source, title, url, hoursOld, 0, 0, "A summary of " + title + ".");
    }

    public static ContentItem reddit(String title, String url, int hoursOld, double score, int comments) {
        return item(SourceType.REDDIT, "r/programming", title, url, hoursOld, score, comments, null);
    }

    public static ContentItem item(SourceType type, String sourceTitle, String title, String url, int hoursOld,
            double score, int comments, String summary) {
        UUID id = UUID.nameUUIDFromBytes((sourceTitle + "\n" + url + "\n" + title).getBytes(StandardCharsets.UTF_8));
        return new ContentItem(id, type, "source:" + sourceTitle, sourceTitle, url, title, summary, null,
                NOW.minusSeconds(3600L * hoursOld), null, score, comments);
    }
}

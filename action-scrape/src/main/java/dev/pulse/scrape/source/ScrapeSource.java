package dev.pulse.scrape.source;

import java.util.Locale;
import java.util.Objects;

import dev.pulse.contracts.messages.SourceType;

/**
 * One source a run reads: a feed, blog or channel {@code url}, or a {@code subreddit} with its sort and
 * time window; {@code limit} is the most items it gives a run (null: no limit of its own).
 * {@code name} is how reports and items name it: the URL, or {@code reddit:<subreddit>/<sort>[/<window>]}.
 */
public record ScrapeSource(SourceType type, String url, String subreddit, String sort, String timeWindow,
        Integer limit) {

    public ScrapeSource {
        Objects.requireNonNull(type, "type");
        if (type == SourceType.REDDIT) {
            Objects.requireNonNull(subreddit, "subreddit");
            sort = sort == null ? "hot" : sort;
            timeWindow = "top".equals(sort) ? (timeWindow == null ? "day" : timeWindow) : null;
        } else {
            Objects.requireNonNull(url, "url");
        }
    }

    public String name() {
        if (type != SourceType.REDDIT) {
            return url;
        }
        return "reddit:" + subreddit.toLowerCase(Locale.ROOT) + "/" + sort + (timeWindow == null ? "" : "/" + timeWindow);
    }
}

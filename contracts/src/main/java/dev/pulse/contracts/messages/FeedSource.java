package dev.pulse.contracts.messages;

import java.util.Objects;

/**
 * One place to scrape: an RSS or Atom feed by URL, or a subreddit with its sort and time window
 * ({@code timeWindow} only matters for the {@code top} sort).
 */
public record FeedSource(SourceType type, String url, String subreddit, String sort, String timeWindow) {

    public FeedSource {
        Objects.requireNonNull(type, "type");
    }

    public static FeedSource feed(SourceType type, String url) {
        return new FeedSource(type, url, null, null, null);
    }

    public static FeedSource reddit(String subreddit, String sort, String timeWindow) {
        return new FeedSource(SourceType.REDDIT, null, subreddit, sort, timeWindow);
    }
}

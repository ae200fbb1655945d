package dev.pulse.contracts.messages;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One place to scrape: a feed, blog or YouTube channel by URL, or a subreddit with its sort and time
 * window ({@code timeWindow} only matters for the {@code top} sort). A source with nothing but its type
 * is a selector: "the workspace's sources of this type, as they are when the run starts".
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

    /** Every source of {@code type} the workspace has when the run starts. */
    public static FeedSource allOf(SourceType type) {
        return new FeedSource(type, null, null, null, null);
    }

    @JsonIgnore
    public boolean isSelector() {
        return url == null && subreddit == null;
    }
}

package dev.pulse.scrape.preview;

import java.time.Instant;
import java.util.List;

/** What a feed check shows: where the feed is, its title, and every item it holds, newest first. */
record FeedPreview(String feedUrl, String feedTitle, List<Item> items) {

    record Item(String title, String url, String guid, String author, Instant publishedAt, String summary) {
    }
}

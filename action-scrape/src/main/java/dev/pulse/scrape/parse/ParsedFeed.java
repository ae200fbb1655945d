package dev.pulse.scrape.parse;

import java.util.List;

/** A document read as a feed: its title and its usable items, newest first. */
public record ParsedFeed(String title, List<ParsedItem> items) {

    public ParsedFeed {
        items = List.copyOf(items);
    }
}

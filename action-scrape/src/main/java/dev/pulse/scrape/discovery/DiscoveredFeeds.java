package dev.pulse.scrape.discovery;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.pulse.scrape.fetch.FetchException;
import dev.pulse.scrape.parse.FeedParseException;

/** The feed behind a blog page or YouTube channel, discovered once and remembered in discovered_feeds. */
@Component
public class DiscoveredFeeds {

    private final JdbcClient db;
    private final FeedDiscovery discovery;
    private final Clock clock;

    DiscoveredFeeds(JdbcClient db, FeedDiscovery discovery, Clock clock) {
        this.db = db;
        this.discovery = discovery;
        this.clock = clock;
    }

    public URI blogFeed(String page) throws FetchException, FeedParseException {
        String known = known(page);
        return known != null ? URI.create(known) : remember(page, discovery.blogFeed(URI.create(page)));
    }

    public URI youtubeFeed(String channel) throws FetchException, FeedParseException {
        String known = known(channel);
        return known != null ? URI.create(known) : remember(channel, discovery.youtubeFeed(URI.create(channel)));
    }

    private String known(String page) {
        return db.sql("SELECT feed_url FROM discovered_feeds WHERE page_url = ?").param(page).query(String.class)
                .optional().orElse(null);
    }

    private URI remember(String page, URI feed) {
        db.sql("""
                INSERT INTO discovered_feeds (page_url, feed_url, discovered_at) VALUES (?, ?, ?)
                ON CONFLICT (page_url) DO NOTHING""")
                .params(page, feed.toString(), Timestamp.from(clock.instant())).update();
        return feed;
    }
}

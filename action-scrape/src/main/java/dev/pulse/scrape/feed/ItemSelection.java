package dev.pulse.scrape.feed;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored items a run hands to generate: those of its feeds dated within the window (undated ones
 * by when they were first seen), newest first, at most {@code perFeed} of a feed (null: no own limit)
 * and {@code max} in all.
 */
@Component
public class ItemSelection {

    private final JdbcClient db;

    ItemSelection(JdbcClient db) {
        this.db = db;
    }

    public List<StoredItem> newest(Map<UUID, Integer> perFeed, Instant since, int max) {
        if (perFeed.isEmpty()) {
            return List.of();
        }
        UUID[] feeds = perFeed.keySet().toArray(UUID[]::new);
        Integer[] limits = new Integer[feeds.length];
        for (int i = 0; i < feeds.length; i++) {
            Integer limit = perFeed.get(feeds[i]);
            limits[i] = limit == null ? Integer.MAX_VALUE : limit;
        }
        // Per feed, only its newest min(per_feed, max) rows can be in the overall newest max: read those
        // through (feed_id, sort_at desc) instead of ranking every row of the window in one sort.
        return db.sql("""
                SELECT i.id, i.feed_id, i.url, i.title, i.summary, i.author, i.published_at, i.image_url, i.score, i.comments
                FROM unnest(?::uuid[], ?::int[]) AS w(feed_id, per_feed)
                CROSS JOIN LATERAL (
                    SELECT * FROM feed_items f WHERE f.feed_id = w.feed_id AND f.sort_at >= ?
                    ORDER BY f.sort_at DESC, f.id LIMIT least(w.per_feed, ?)) i
                ORDER BY i.sort_at DESC, i.id LIMIT ?""")
                .params(feeds, limits, Timestamp.from(since), max, max)
                .query((rs, n) -> new StoredItem(rs.getObject("id", UUID.class), rs.getObject("feed_id", UUID.class),
                        rs.getString("url"), rs.getString("title"), rs.getString("summary"), rs.getString("author"),
                        rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant(),
                        rs.getString("image_url"), rs.getDouble("score"), rs.getInt("comments")))
                .list();
    }

    /** Remembers which feeds a workspace's runs read (generate finds a workspace's items through it). */
    public void readBy(UUID workspaceId, List<UUID> feedIds, Instant now) {
        db.sql("""
                INSERT INTO workspace_feeds (workspace_id, feed_id, last_read_at)
                SELECT ?, f, ? FROM unnest(?::uuid[]) AS f
                ON CONFLICT (workspace_id, feed_id) DO UPDATE SET last_read_at = EXCLUDED.last_read_at""")
                .params(workspaceId, Timestamp.from(now), feedIds.toArray(UUID[]::new)).update();
    }
}

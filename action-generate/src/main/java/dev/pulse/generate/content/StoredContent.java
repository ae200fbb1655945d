package dev.pulse.generate.content;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.pulse.contracts.messages.ContentItem;
import dev.pulse.contracts.messages.SourceType;

/**
 * A workspace's stored items, for runs that start with generate (no scrape in the plan): read-only
 * from the scraper's tables, the items of the feeds the workspace's runs read, dated since a moment.
 */
@Component
public class StoredContent {

    private final JdbcClient db;

    StoredContent(JdbcClient db) {
        this.db = db;
    }

    public List<ContentItem> recent(UUID workspaceId, Instant since, int limit) {
        return db.sql("""
                SELECT i.id, f.source_type, f.feed_key, f.title AS feed_title, i.url, i.title, i.summary, i.author,
                       i.published_at, i.image_url, i.score, i.comments
                FROM workspace_feeds w
                JOIN feeds f ON f.id = w.feed_id
                JOIN feed_items i ON i.feed_id = w.feed_id
                WHERE w.workspace_id = ? AND i.sort_at >= ?
                ORDER BY i.sort_at DESC, i.id LIMIT ?""")
                .params(workspaceId, Timestamp.from(since), limit)
                .query((rs, n) -> new ContentItem(rs.getObject("id", UUID.class),
                        SourceType.valueOf(rs.getString("source_type").toUpperCase(Locale.ROOT)), rs.getString("feed_key"),
                        rs.getString("feed_title"), rs.getString("url"), rs.getString("title"), rs.getString("summary"),
                        rs.getString("author"),
                        rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant(),
                        rs.getString("image_url"), rs.getDouble("score"), rs.getInt("comments")))
                .list();
    }
}

package dev.pulse.scrape.feed;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.pulse.contracts.messages.SourceOutcome;
import dev.pulse.contracts.messages.SourceType;
import dev.pulse.scrape.parse.ParsedItem;

/** The feeds table and each feed's items: one row per feed however many workspaces read it. */
@Repository
class FeedRepository {

    private final JdbcClient db;
    private final JdbcTemplate jdbc;

    FeedRepository(JdbcClient db, JdbcTemplate jdbc) {
        this.db = db;
        this.jdbc = jdbc;
    }

    /** The stored feeds of these keys (those not stored yet are missing from the answer). */
    Map<String, Feed> findAll(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, Feed> found = new HashMap<>();
        db.sql("""
                SELECT id, feed_key, title, etag, last_modified, fresh_until, next_fetch_not_before,
                       consecutive_failures, last_error, last_item_count FROM feeds WHERE feed_key = ANY(?)""")
                .param(keys.toArray(String[]::new)).query(FeedRepository::feed).list()
                .forEach(feed -> found.put(feed.key(), feed));
        return found;
    }

    Optional<Feed> find(String key) {
        return db.sql("""
                SELECT id, feed_key, title, etag, last_modified, fresh_until, next_fetch_not_before,
                       consecutive_failures, last_error, last_item_count FROM feeds WHERE feed_key = ?""")
                .param(key).query(FeedRepository::feed).optional();
    }

    private static final String UPSERT_FETCHED = """
            INSERT INTO feeds (id, feed_key, source_type, title, etag, last_modified, last_outcome, last_item_count,
                               last_fetched_at, fresh_until)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (feed_key) DO UPDATE SET title = coalesce(EXCLUDED.title, feeds.title),
                etag = coalesce(EXCLUDED.etag, feeds.etag), last_modified = coalesce(EXCLUDED.last_modified, feeds.last_modified),
                last_outcome = EXCLUDED.last_outcome, last_item_count = EXCLUDED.last_item_count,
                last_fetched_at = EXCLUDED.last_fetched_at, fresh_until = EXCLUDED.fresh_until,
                consecutive_failures = 0, last_error = NULL, next_fetch_not_before = NULL
            RETURNING id""";

    /** A fetch that changed nothing (304): the feed is fresh again, its items stay as they are. */
    void notModified(Feed feed, SourceType type, Instant now, Instant freshUntil) {
        db.sql(UPSERT_FETCHED).params(feed.id(), feed.key(), type(type), null, null, null, "not_modified",
                feed.itemsRead(), ts(now), ts(freshUntil)).query(UUID.class).single();
    }

    void failed(Feed feed, SourceType type, String error, Instant now, Instant notBefore) {
        db.sql("""
                INSERT INTO feeds (id, feed_key, source_type, last_outcome, last_fetched_at, last_error,
                                   consecutive_failures, next_fetch_not_before)
                VALUES (?, ?, ?, 'failed', ?, ?, 1, ?)
                ON CONFLICT (feed_key) DO UPDATE SET last_outcome = 'failed', last_fetched_at = EXCLUDED.last_fetched_at,
                    last_error = EXCLUDED.last_error, consecutive_failures = feeds.consecutive_failures + 1,
                    next_fetch_not_before = EXCLUDED.next_fetch_not_before""")
                .params(feed.id(), feed.key(), type(type), ts(now), error, ts(notBefore)).update();
    }

    /**
     * Records a fetch and stores the items not stored before (by key), in one statement; returns how
     * many items were new. Engagement (Reddit score, comments) of known items is refreshed.
     */
    int fetched(Feed feed, SourceType type, String title, String etag, String lastModified, List<ParsedItem> items,
            Instant now, Instant freshUntil) {
        String feedKey = feed.key();
        Integer inserted = jdbc.execute((Connection c) -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    WITH feed AS (""" + UPSERT_FETCHED + """
                    ),
                    incoming AS (
                        SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                             ?::timestamptz[], ?::text[], ?::float8[], ?::int[])
                            AS t(id, item_key, guid, url, title, summary, author, published_at, image_url, score, comments)),
                    upserted AS (
                        INSERT INTO feed_items (id, feed_id, item_key, guid, url, title, summary, author, published_at,
                                                image_url, score, comments, first_seen_at)
                        SELECT incoming.id, (SELECT id FROM feed), item_key, guid, url, title, summary, author,
                               published_at, image_url, score, comments, ? FROM incoming
                        ON CONFLICT (feed_id, item_key) DO UPDATE SET score = EXCLUDED.score, comments = EXCLUDED.comments
                            WHERE feed_items.score <> EXCLUDED.score OR feed_items.comments <> EXCLUDED.comments
                        RETURNING (xmax = 0) AS inserted)
                    SELECT count(*) FILTER (WHERE inserted) FROM upserted""")) {
                int n = items.size();
                Object[][] columns = new Object[11][n];
                for (int i = 0; i < n; i++) {
                    ParsedItem item = items.get(i);
                    columns[0][i] = itemId(feedKey, item.key());
                    columns[1][i] = item.key();
                    columns[2][i] = item.guid();
                    columns[3][i] = item.url();
                    columns[4][i] = item.title();
                    columns[5][i] = item.summary();
                    columns[6][i] = item.author();
                    columns[7][i] = item.publishedAt() == null ? null : Timestamp.from(item.publishedAt());
                    columns[8][i] = item.imageUrl();
                    columns[9][i] = item.score();
                    columns[10][i] = item.comments();
                }
                String[] types = {"uuid", "text", "text", "text", "text", "text", "text", "timestamptz", "text", "float8", "int4"};
                insert.setObject(1, feed.id());
                insert.setString(2, feedKey);
                insert.setString(3, type(type));
                insert.setString(4, title);
                insert.setString(5, etag);
                insert.setString(6, lastModified);
                insert.setString(7, "fetched");
                insert.setInt(8, n);
                insert.setTimestamp(9, Timestamp.from(now));
                insert.setTimestamp(10, ts(freshUntil));
                for (int col = 0; col < columns.length; col++) {
                    Array array = c.createArrayOf(types[col], columns[col]);
                    insert.setArray(11 + col, array);
                }
                insert.setTimestamp(22, Timestamp.from(now));
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
        return inserted == null ? 0 : inserted;
    }

    /** A feed's id follows from its key, so every instance and every run agrees on it. */
    static UUID feedId(String key) {
        return UUID.nameUUIDFromBytes(("feed\n" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** An item's id follows from its feed and key: the same article has the same id in every execution. */
    static UUID itemId(String feedKey, String itemKey) {
        return UUID.nameUUIDFromBytes((feedKey + "\n" + itemKey).getBytes(StandardCharsets.UTF_8));
    }

    private static Feed feed(ResultSet rs, int row) throws SQLException {
        return new Feed(rs.getObject("id", UUID.class), rs.getString("feed_key"), rs.getString("title"), rs.getString("etag"),
                rs.getString("last_modified"), instant(rs, "fresh_until"), instant(rs, "next_fetch_not_before"),
                rs.getInt("consecutive_failures"), rs.getString("last_error"), rs.getInt("last_item_count"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static String type(SourceType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

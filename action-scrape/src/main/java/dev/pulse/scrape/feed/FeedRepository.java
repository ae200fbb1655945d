package dev.pulse.scrape.feed;

import java.nio.charset.StandardCharsets;
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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.pulse.contracts.messages.SourceType;
import dev.pulse.scrape.parse.ParsedItem;

/** The feeds table and each feed's items: one row per feed however many workspaces read it. */
@Repository
class FeedRepository {

    private final JdbcClient db;

    FeedRepository(JdbcClient db) {
        this.db = db;
    }

    /** The stored feeds of these keys (those not stored yet are missing from the answer). */
    Map<String, Feed> findAll(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, Feed> found = new HashMap<>();
        db.sql("""
                SELECT id, feed_key, title, etag, last_modified, fresh_until, next_fetch_not_before,
                       consecutive_failures, last_error, last_item_count, fetch_url FROM feeds WHERE feed_key = ANY(?)""")
                .param(keys.toArray(String[]::new)).query(FeedRepository::feed).list()
                .forEach(feed -> found.put(feed.key(), feed));
        return found;
    }

    Optional<Feed> find(String key) {
        return db.sql("""
                SELECT id, feed_key, title, etag, last_modified, fresh_until, next_fetch_not_before,
                       consecutive_failures, last_error, last_item_count, fetch_url FROM feeds WHERE feed_key = ?""")
                .param(key).query(FeedRepository::feed).optional();
    }

    private static final String UPSERT_FETCHED = """
            INSERT INTO feeds (id, feed_key, source_type, title, etag, last_modified, last_outcome, last_item_count,
                               last_fetched_at, fresh_until)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (feed_key) DO UPDATE SET title = coalesce(EXCLUDED.title, feeds.title),
                etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified,
                last_outcome = EXCLUDED.last_outcome, last_item_count = EXCLUDED.last_item_count,
                last_fetched_at = EXCLUDED.last_fetched_at, fresh_until = EXCLUDED.fresh_until,
                consecutive_failures = 0, last_error = NULL, next_fetch_not_before = NULL
            RETURNING id""";

    /**
     * A fetch that changed nothing (304): the feed is fresh again, its items stay as they are. The
     * validators are the ones to send next time: as the 304 updated them, else as they were.
     */
    void notModified(Feed feed, SourceType type, String etag, String lastModified, Instant now, Instant freshUntil) {
        db.sql(UPSERT_FETCHED).params(feed.id(), feed.key(), type(type), null, etag, lastModified, "not_modified",
                feed.itemsRead(), ts(now), ts(freshUntil)).query(UUID.class).single();
    }

    /** The feed answered from {@code url} after permanent redirects only: fetched there from now on. */
    void movedPermanently(Feed feed, String url) {
        db.sql("UPDATE feeds SET fetch_url = ? WHERE id = ?").params(url, feed.id()).update();
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
     * many items were new. Engagement (Reddit score, comments) of known items is refreshed. The items go
     * as parallel arrays: PostgreSQL reads those for about a third of what a JSON parameter costs it.
     */
    int fetched(Feed feed, SourceType type, String title, String etag, String lastModified, List<ParsedItem> items,
            Instant now, Instant freshUntil) {
        ItemColumns columns = new ItemColumns(feed.key(), items);
        return db.sql("WITH feed AS (" + UPSERT_FETCHED + """
                ),
                upserted AS (
                    INSERT INTO feed_items (id, feed_id, item_key, guid, url, title, summary, author, published_at,
                                            image_url, score, comments, first_seen_at)
                    SELECT t.id, (SELECT id FROM feed), t.item_key, t.guid, t.url, t.title, t.summary, t.author,
                           t.published_at, t.image_url, t.score, t.comments, ?
                    FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                ?::timestamptz[], ?::text[], ?::float8[], ?::int[])
                        AS t(id, item_key, guid, url, title, summary, author, published_at, image_url, score, comments)
                    ON CONFLICT (feed_id, item_key) DO UPDATE SET score = EXCLUDED.score, comments = EXCLUDED.comments
                        WHERE feed_items.score <> EXCLUDED.score OR feed_items.comments <> EXCLUDED.comments
                    RETURNING (xmax = 0) AS inserted)
                SELECT count(*) FILTER (WHERE inserted) FROM upserted""")
                .params(feed.id(), feed.key(), type(type), title, etag, lastModified, "fetched", items.size(), ts(now),
                        ts(freshUntil), ts(now), columns.ids, columns.keys, columns.guids, columns.urls, columns.titles,
                        columns.summaries, columns.authors, columns.publishedAt, columns.imageUrls, columns.scores,
                        columns.comments)
                .query(Integer.class).single();
    }

    /** A feed's items column by column, as the upsert's arrays. */
    private static final class ItemColumns {
        final UUID[] ids;
        final String[] keys;
        final String[] guids;
        final String[] urls;
        final String[] titles;
        final String[] summaries;
        final String[] authors;
        final String[] publishedAt;
        final String[] imageUrls;
        final Double[] scores;
        final Integer[] comments;

        ItemColumns(String feedKey, List<ParsedItem> items) {
            int n = items.size();
            ids = new UUID[n];
            keys = new String[n];
            guids = new String[n];
            urls = new String[n];
            titles = new String[n];
            summaries = new String[n];
            authors = new String[n];
            publishedAt = new String[n];
            imageUrls = new String[n];
            scores = new Double[n];
            comments = new Integer[n];
            for (int i = 0; i < n; i++) {
                ParsedItem item = items.get(i);
                ids[i] = itemId(feedKey, item.key());
                keys[i] = item.key();
                guids[i] = item.guid();
                urls[i] = item.url();
                titles[i] = item.title();
                summaries[i] = item.summary();
                authors[i] = item.author();
                publishedAt[i] = item.publishedAt() == null ? null : item.publishedAt().toString();
                imageUrls[i] = item.imageUrl();
                scores[i] = item.score();
                comments[i] = item.comments();
            }
        }
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
                rs.getInt("consecutive_failures"), rs.getString("last_error"), rs.getInt("last_item_count"),
                rs.getString("fetch_url"));
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

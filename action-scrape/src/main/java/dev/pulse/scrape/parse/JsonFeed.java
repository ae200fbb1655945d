package dev.pulse.scrape.parse;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Feed 1.0 and 1.1 (jsonfeed.org), the format many blogs and micro-blogs publish beside or
 * instead of RSS, read by Miniflux and NetNewsWire alike. Items normalised as a feed's are.
 */
final class JsonFeed {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonFeed() {
    }

    /** The first thing after a BOM and whitespace is an object, where an XML feed has a tag. */
    static boolean looksLikeOne(byte[] body) {
        int i = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF ? 3 : 0;
        while (i < body.length && Character.isWhitespace(body[i])) {
            i++;
        }
        return i < body.length && body[i] == '{';
    }

    static ParsedFeed parse(byte[] body, URI feedUrl, int maxSummaryLength) throws FeedParseException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new FeedParseException("Not a feed Pulse can read: JSON that does not parse: " + e.getOriginalMessage(), e);
        }
        if (!text(root.path("version")).startsWith("https://jsonfeed.org/version/") || !root.path("items").isArray()) {
            throw new FeedParseException("Not a feed Pulse can read: JSON, but not a JSON Feed (no jsonfeed.org version, or no items)");
        }
        Map<String, ParsedItem> byKey = new LinkedHashMap<>();
        for (JsonNode entry : root.path("items")) {
            ParsedItem item = item(entry, feedUrl, maxSummaryLength);
            if (item != null) {
                byKey.putIfAbsent(item.key(), item);
            }
        }
        return new ParsedFeed(PlainText.ofText(text(root.path("title"))), FeedParser.newestFirst(byKey.values()));
    }

    private static ParsedItem item(JsonNode entry, URI feedUrl, int maxSummaryLength) {
        String url = CanonicalUrl.of(feedUrl, text(entry.path("url")));
        if (url == null) {
            url = CanonicalUrl.of(feedUrl, text(entry.path("external_url")));
        }
        // summary and content_text are plain text by the spec; content_html is HTML
        String summaryText = first(entry, "summary");
        String summary = summaryText != null ? PlainText.ofText(summaryText) : first(entry, "content_html") != null
                ? PlainText.of(first(entry, "content_html")) : PlainText.ofText(first(entry, "content_text"));
        String title = PlainText.ofText(text(entry.path("title")));
        if (title == null) {
            title = PlainText.cut(summary, 80); // title-less posts, as micro-blogs publish them
        }
        if (url == null || title == null) {
            return null;
        }
        String id = text(entry.path("id")).strip();
        String image = first(entry, "image", "banner_image");
        return new ParsedItem(id.isEmpty() ? url : id, id.isEmpty() ? null : id, url, title,
                PlainText.cut(summary, maxSummaryLength), author(entry),
                FeedDates.parse(first(entry, "date_published", "date_modified")),
                image == null ? null : CanonicalUrl.of(feedUrl, image), 0, 0);
    }

    /** 1.1's {@code authors}, else 1.0's {@code author}. */
    private static String author(JsonNode entry) {
        JsonNode author = entry.path("authors").isArray() ? entry.path("authors").path(0) : entry.path("author");
        return PlainText.ofText(text(author.path("name")));
    }

    private static String first(JsonNode entry, String... fields) {
        for (String field : fields) {
            String value = text(entry.path(field));
            if (!value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** A string or number as text (ids are sometimes numbers); anything else as empty. */
    private static String text(JsonNode node) {
        return node.isString() || node.isNumber() ? node.asString() : "";
    }
}

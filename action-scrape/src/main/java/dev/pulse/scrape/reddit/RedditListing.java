package dev.pulse.scrape.reddit;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.pulse.scrape.parse.CanonicalUrl;
import dev.pulse.scrape.parse.FeedParseException;
import dev.pulse.scrape.parse.ParsedFeed;
import dev.pulse.scrape.parse.ParsedItem;
import dev.pulse.scrape.parse.PlainText;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A listing's posts as items: keyed by the post's fullname (so a post listed twice is one item), linked
 * to what the post links (its comments page for a self post), scored by Reddit's score and comments.
 * Stickied posts (the subreddit's own notices) are left out.
 */
final class RedditListing {

    private final JsonMapper json;
    private final int maxSummaryLength;

    RedditListing(JsonMapper json, int maxSummaryLength) {
        this.json = json;
        this.maxSummaryLength = maxSummaryLength;
    }

    ParsedFeed parse(byte[] body, URI site, String subreddit) throws FeedParseException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new FeedParseException("Reddit's answer is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode children = root.path("data").path("children");
        if (!"Listing".equals(root.path("kind").asString(null)) || !children.isArray()) {
            throw new FeedParseException("Reddit's answer is not a listing");
        }
        Map<String, ParsedItem> posts = new LinkedHashMap<>();
        for (JsonNode child : children) {
            JsonNode post = child.path("data");
            if (!"t3".equals(child.path("kind").asString(null)) || post.path("stickied").asBoolean(false)) {
                continue;
            }
            ParsedItem item = item(post, site);
            if (item != null) {
                posts.putIfAbsent(item.key(), item);
            }
        }
        return new ParsedFeed("r/" + subreddit, new ArrayList<>(posts.values()));
    }

    private ParsedItem item(JsonNode post, URI site) {
        String name = post.path("name").asString(null);
        String title = PlainText.ofText(post.path("title").asString(null));
        String permalink = CanonicalUrl.of(site, post.path("permalink").asString(null));
        String url = post.path("is_self").asBoolean(false) ? permalink : CanonicalUrl.of(site, post.path("url").asString(null));
        if (name == null || title == null || (url == null && permalink == null)) {
            return null;
        }
        Instant created = post.hasNonNull("created_utc") ? Instant.ofEpochSecond(post.path("created_utc").asLong()) : null;
        String thumbnail = post.path("thumbnail").asString("");
        return new ParsedItem(name, name, url != null ? url : permalink, title,
                PlainText.cut(PlainText.ofText(post.path("selftext").asString(null)), maxSummaryLength),
                post.path("author").asString(null), created,
                thumbnail.startsWith("http") ? CanonicalUrl.of(site, thumbnail) : null,
                post.path("score").asDouble(0), post.path("num_comments").asInt(0));
    }

}

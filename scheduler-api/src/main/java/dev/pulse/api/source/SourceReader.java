package dev.pulse.api.source;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.pulse.contracts.messages.FeedSource;
import dev.pulse.contracts.messages.SourceType;
import tools.jackson.databind.JsonNode;

/**
 * Reads one source as users write it, in a workspace's sources or in a job's {@code config.sources}:
 * {@code {type: rss|atom|blog, url}}, {@code {type: reddit, subreddit, sort, time_window}},
 * {@code {type: youtube, channel}} (a channel URL, an {@code @handle} or a {@code UC…} id, kept as the
 * channel's URL). {@code x} is refused: reading it needs paid API credentials.
 */
public final class SourceReader {

    /** A source, or why the input is not one. */
    public record Read(FeedSource source, String error) {

        static Read of(FeedSource source) {
            return new Read(source, null);
        }

        static Read invalid(String error) {
            return new Read(null, error);
        }
    }

    public static final String X_REFUSED = "x (Twitter) sources need paid X API credentials, which Pulse does not use; "
            + "add the account's RSS feed from a bridge (type rss) instead";
    private static final Pattern SUBREDDIT = Pattern.compile("(?:/?r/)?([A-Za-z0-9_]{2,21})");
    private static final Pattern CHANNEL_ID = Pattern.compile("UC[A-Za-z0-9_-]{22}");
    private static final Pattern HANDLE = Pattern.compile("@[A-Za-z0-9._-]{3,30}");
    private static final Pattern CHANNEL_PATH = Pattern.compile("/(channel/UC[A-Za-z0-9_-]{22}|@[A-Za-z0-9._-]{3,30}|c/[^/?#]{1,100}|user/[^/?#]{1,100})/?.*");
    private static final Set<String> SORTS = Set.of("hot", "new", "top", "rising");
    private static final Set<String> WINDOWS = Set.of("hour", "day", "week", "month", "year", "all");
    private static final int MAX_URL = 2048;

    private SourceReader() {
    }

    /** A source type by its name, as in {@code "sources": ["reddit", "rss"]}; null if it names none. */
    public static SourceType type(String name) {
        try {
            return SourceType.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static Read read(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Read.invalid("must be an object with a type");
        }
        String typeName = node.path("type").asString("");
        if ("x".equalsIgnoreCase(typeName) || "twitter".equalsIgnoreCase(typeName)) {
            return Read.invalid(X_REFUSED);
        }
        SourceType type = type(typeName);
        if (type == null) {
            return Read.invalid("type must be rss, atom, reddit, blog or youtube");
        }
        return switch (type) {
            case RSS, ATOM, BLOG -> url(node.path("url").asString(""))
                    .map(url -> Read.of(FeedSource.feed(type, url)))
                    .orElse(Read.invalid("url must be an http(s) URL of at most " + MAX_URL + " characters"));
            case REDDIT -> reddit(node);
            case YOUTUBE -> youtube(node.hasNonNull("channel") ? node.path("channel").asString("") : node.path("url").asString(""));
        };
    }

    private static Read reddit(JsonNode node) {
        Matcher subreddit = SUBREDDIT.matcher(node.path("subreddit").asString("").trim());
        if (!subreddit.matches()) {
            return Read.invalid("subreddit must be a subreddit name (2 to 21 letters, digits or _), such as MachineLearning");
        }
        String sort = node.path("sort").asString("hot").toLowerCase(Locale.ROOT);
        if (!SORTS.contains(sort)) {
            return Read.invalid("sort must be hot, new, top or rising");
        }
        String window = node.hasNonNull("time_window") ? node.path("time_window").asString("").toLowerCase(Locale.ROOT) : null;
        if (window != null && !WINDOWS.contains(window)) {
            return Read.invalid("time_window must be hour, day, week, month, year or all");
        }
        return Read.of(FeedSource.reddit(subreddit.group(1), sort, window));
    }

    private static Read youtube(String channel) {
        String text = channel.trim();
        if (CHANNEL_ID.matcher(text).matches()) {
            return Read.of(FeedSource.feed(SourceType.YOUTUBE, "https://www.youtube.com/channel/" + text));
        }
        if (HANDLE.matcher(text).matches()) {
            return Read.of(FeedSource.feed(SourceType.YOUTUBE, "https://www.youtube.com/" + text));
        }
        return url(text).map(URI::create)
                .filter(uri -> uri.getHost().matches("(?i)(www\\.|m\\.)?youtube\\.com"))
                .map(uri -> CHANNEL_PATH.matcher(uri.getRawPath() == null ? "" : uri.getRawPath()))
                .filter(Matcher::matches)
                .map(path -> Read.of(FeedSource.feed(SourceType.YOUTUBE, "https://www.youtube.com/" + path.group(1))))
                .orElse(Read.invalid("channel must be a YouTube channel URL, an @handle or a channel id (UC…)"));
    }

    /** {@code text} if it is an absolute http(s) URL with a host, of a bounded length. */
    public static Optional<String> url(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_URL) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(trimmed);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null ? Optional.of(trimmed) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

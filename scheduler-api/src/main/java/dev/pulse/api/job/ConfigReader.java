package dev.pulse.api.job;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.pulse.api.subscriber.EmailAddresses;
import dev.pulse.api.web.FieldReader;
import dev.pulse.contracts.messages.FeedSource;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.SourceType;
import dev.pulse.contracts.messages.Tone;
import tools.jackson.databind.JsonNode;

/** The {@code config} object of a job request, range-checked field by field. */
final class ConfigReader {

    static final int MAX_SOURCES = 50;
    static final int MAX_MISFIRE_GRACE_SECONDS = 7 * 24 * 3600;
    private static final Pattern SUBREDDIT = Pattern.compile("[A-Za-z0-9_]{2,21}");
    private static final Set<String> SORTS = Set.of("hot", "new", "top", "rising");
    private static final Set<String> WINDOWS = Set.of("hour", "day", "week", "month", "year", "all");

    private ConfigReader() {
    }

    static JobConfig read(FieldReader job) {
        if (!job.has("config")) {
            return JobConfig.empty();
        }
        FieldReader config = job.object("config");
        Integer maxItems = config.integer("max_items", 1, 100);
        Integer daysBack = config.integer("days_back", 1, 365);
        List<FeedSource> sources = sources(config);
        Tone tone = tone(config);
        Boolean testMode = config.bool("test_mode");
        List<String> testEmails = testEmails(config);
        Integer grace = config.integer("misfire_grace_seconds", 0, MAX_MISFIRE_GRACE_SECONDS);
        return new JobConfig(maxItems, daysBack, sources, tone, Boolean.TRUE.equals(testMode), testEmails, grace);
    }

    private static Tone tone(FieldReader config) {
        String text = config.string("tone");
        if (text == null) {
            return null;
        }
        try {
            return Tone.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            config.error("tone", "must be one of professional, casual, technical, friendly, humorous, authoritative, conversational");
            return null;
        }
    }

    private static List<String> testEmails(FieldReader config) {
        List<JsonNode> elements = config.array("test_emails");
        Set<String> emails = new LinkedHashSet<>();
        for (JsonNode element : elements == null ? List.<JsonNode>of() : elements) {
            String email = element.isString() ? element.asString().trim() : null;
            if (email == null || !EmailAddresses.isValid(email)) {
                config.error("test_emails", "must be email addresses; '" + element.asString(element.toString()) + "' is not one");
            } else {
                emails.add(email);
            }
        }
        return new ArrayList<>(emails);
    }

    private static List<FeedSource> sources(FieldReader config) {
        List<JsonNode> elements = config.array("sources");
        List<FeedSource> sources = new ArrayList<>();
        if (elements == null) {
            return sources;
        }
        if (elements.size() > MAX_SOURCES) {
            config.error("sources", "at most " + MAX_SOURCES + " sources");
            return sources;
        }
        for (int i = 0; i < elements.size(); i++) {
            FeedSource source = source(elements.get(i));
            if (source == null) {
                config.error("sources[" + i + "]", "must be a feed URL, \"r/<subreddit>\", or an object "
                        + "{type: rss|atom|reddit, url | subreddit, sort: hot|new|top|rising, time_window: hour|day|week|month|year|all}");
            } else if (!sources.contains(source)) {
                sources.add(source);
            }
        }
        return sources;
    }

    private static FeedSource source(JsonNode node) {
        if (node.isString()) {
            String text = node.asString().trim();
            if (text.startsWith("r/") && SUBREDDIT.matcher(text.substring(2)).matches()) {
                return FeedSource.reddit(text.substring(2), "hot", null);
            }
            return isHttpUrl(text) ? FeedSource.feed(SourceType.RSS, text) : null;
        }
        if (!node.isObject()) {
            return null;
        }
        String type = node.path("type").asString("").toLowerCase(Locale.ROOT);
        switch (type) {
            case "rss", "atom" -> {
                String url = node.path("url").asString("");
                return isHttpUrl(url) ? FeedSource.feed(SourceType.valueOf(type.toUpperCase(Locale.ROOT)), url) : null;
            }
            case "reddit" -> {
                String subreddit = node.path("subreddit").asString("");
                String sort = node.path("sort").asString("hot").toLowerCase(Locale.ROOT);
                String window = node.hasNonNull("time_window") ? node.path("time_window").asString("").toLowerCase(Locale.ROOT) : null;
                boolean valid = SUBREDDIT.matcher(subreddit).matches() && SORTS.contains(sort)
                        && (window == null || WINDOWS.contains(window));
                return valid ? FeedSource.reddit(subreddit, sort, window) : null;
            }
            default -> {
                return null;
            }
        }
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

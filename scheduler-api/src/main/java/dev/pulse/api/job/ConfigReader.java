package dev.pulse.api.job;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.pulse.api.source.SourceReader;
import dev.pulse.api.subscriber.EmailAddresses;
import dev.pulse.api.web.FieldReader;
import dev.pulse.contracts.messages.FeedSource;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.SourceType;
import dev.pulse.contracts.messages.Tone;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The {@code config} object of a job request, range-checked field by field. */
final class ConfigReader {

    static final int MAX_SOURCES = 50;
    static final int MAX_MISFIRE_GRACE_SECONDS = 7 * 24 * 3600;

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

    /**
     * Type names ("reddit", "rss": the workspace's sources of that type when the run starts), feed URLs,
     * "r/<subreddit>", and source objects, in any mix; duplicates are dropped, order kept.
     */
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
            SourceReader.Read read = source(elements.get(i));
            if (read.error() != null) {
                config.error("sources[" + i + "]", read.error());
            } else if (!sources.contains(read.source())) {
                sources.add(read.source());
            }
        }
        return sources;
    }

    private static SourceReader.Read source(JsonNode node) {
        if (!node.isString()) {
            return SourceReader.read(node);
        }
        String text = node.asString().trim();
        if ("x".equalsIgnoreCase(text) || "twitter".equalsIgnoreCase(text)) {
            return new SourceReader.Read(null, SourceReader.X_REFUSED);
        }
        SourceType type = SourceReader.type(text);
        if (type != null) {
            return new SourceReader.Read(FeedSource.allOf(type), null);
        }
        if (text.startsWith("r/")) {
            return SourceReader.read(JsonNodeFactory.instance.objectNode().put("type", "reddit").put("subreddit", text));
        }
        return SourceReader.url(text).map(url -> new SourceReader.Read(FeedSource.feed(SourceType.RSS, url), null))
                .orElse(new SourceReader.Read(null, "must be a source type (rss, atom, reddit, blog, youtube), a feed URL, "
                        + "\"r/<subreddit>\", or an object {type, url | subreddit | channel, sort, time_window}"));
    }

}

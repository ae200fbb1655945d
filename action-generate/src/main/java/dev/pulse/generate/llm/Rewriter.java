package dev.pulse.generate.llm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pulse.generate.compose.Newsletter;
import dev.pulse.generate.compose.Section;
import dev.pulse.generate.compose.Story;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Asks the configured model to rewrite a newsletter's subject, intro and summaries, and uses the
 * answer only if it passes {@link RewriteCheck}. Anything else — not configured, a timeout, an HTTP
 * error, malformed JSON, an invented link — leaves the deterministic text, with the reason.
 */
public final class Rewriter {

    private static final String INSTRUCTIONS = """
            You edit an email newsletter. Rewrite its subject (at most 70 characters), its intro (at most 400 \
            characters, in the given tone) and the summary of each story (at most %d characters), keeping every \
            fact. Plain text only: no HTML, no Markdown, no links, nothing that is not in the input. Answer with \
            one JSON object: {"subject": "...", "intro": "...", "summaries": {"1": "...", "2": "..."}}, summaries \
            keyed by the story numbers of the input.""";

    /** The accepted rewrite applied, or the newsletter as it was and why. */
    public record Outcome(Newsletter newsletter, Rewrite accepted, String fallback) {
        public boolean used() {
            return accepted != null;
        }
    }

    private final LlmSettings settings;
    private final JsonMapper json;
    private final HttpClient http;
    private final int summaryLength;

    public Rewriter(LlmSettings settings, JsonMapper json, int summaryLength) {
        this.settings = settings;
        this.json = json;
        this.summaryLength = summaryLength;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    public Outcome rewrite(Newsletter newsletter, String tone) {
        if (!settings.configured()) {
            return new Outcome(newsletter, null, null);
        }
        List<Story> stories = stories(newsletter);
        try {
            Rewrite rewrite = ask(newsletter, stories, tone);
            Set<String> numbers = new HashSet<>();
            Set<String> urls = new HashSet<>();
            for (int i = 0; i < stories.size(); i++) {
                numbers.add(Integer.toString(i + 1));
                urls.add(stories.get(i).url());
            }
            String problem = RewriteCheck.problem(rewrite, numbers, urls, summaryLength);
            return problem == null ? new Outcome(apply(newsletter, rewrite), rewrite, null)
                    : new Outcome(newsletter, null, "the model's answer was refused: " + problem);
        } catch (HttpTimeoutException e) {
            return new Outcome(newsletter, null, "the model did not answer within " + settings.timeout().toSeconds() + " s");
        } catch (JacksonException e) {
            return new Outcome(newsletter, null, "the model's answer is not the JSON asked for");
        } catch (IOException e) {
            return new Outcome(newsletter, null, "could not reach the model: " + e.getMessage());
        } catch (IllegalStateException e) {
            return new Outcome(newsletter, null, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(newsletter, null, "interrupted");
        }
    }

    /** The newsletter with an accepted rewrite put in (also used to rebuild it from the stored rewrite). */
    public static Newsletter apply(Newsletter newsletter, Rewrite rewrite) {
        int[] number = {0};
        List<Section> sections = newsletter.sections().stream().map(section -> new Section(section.heading(),
                section.stories().stream().map(story -> {
                    String summary = rewrite.summaries().get(Integer.toString(++number[0]));
                    return summary == null ? story : new Story(story.itemIds(), story.title(), story.url(), summary,
                            story.imageUrl(), story.credits(), story.group(), story.publishedAt(), story.rank());
                }).toList())).toList();
        return new Newsletter(rewrite.subject(), newsletter.preheader(), rewrite.intro(), sections, newsletter.outro(),
                newsletter.itemIds());
    }

    private Rewrite ask(Newsletter newsletter, List<Story> stories, String tone) throws IOException, InterruptedException {
        ObjectNode input = json.createObjectNode();
        input.put("tone", tone);
        input.put("subject", newsletter.subject());
        input.put("intro", newsletter.intro());
        ArrayNode list = input.putArray("stories");
        for (int i = 0; i < stories.size(); i++) {
            Story story = stories.get(i);
            list.addObject().put("number", Integer.toString(i + 1)).put("title", story.title())
                    .put("summary", story.summary() == null ? "" : story.summary());
        }
        ObjectNode request = json.createObjectNode();
        request.put("model", settings.model());
        request.put("temperature", 0);
        request.putObject("response_format").put("type", "json_object");
        ArrayNode messages = request.putArray("messages");
        messages.addObject().put("role", "system").put("content", INSTRUCTIONS.formatted(summaryLength));
        messages.addObject().put("role", "user").put("content", json.writeValueAsString(input));
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(base + "/chat/completions"))
                .timeout(settings.timeout()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request)));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            post.header("Authorization", "Bearer " + settings.apiKey());
        }
        HttpResponse<String> response = http.send(post.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the model answered HTTP " + response.statusCode());
        }
        JsonNode content = json.readTree(response.body()).path("choices").path(0).path("message").path("content");
        if (!content.isString()) {
            throw new IllegalStateException("the model's answer has no message content");
        }
        JsonNode rewrite = json.readTree(stripFences(content.asString()));
        Map<String, String> summaries = new LinkedHashMap<>();
        rewrite.path("summaries").properties().forEach(e -> summaries.put(e.getKey(), e.getValue().isString()
                ? e.getValue().asString() : null));
        return new Rewrite(text(rewrite, "subject"), text(rewrite, "intro"), nonNull(summaries));
    }

    private static Map<String, String> nonNull(Map<String, String> summaries) {
        Map<String, String> kept = new HashMap<>();
        summaries.forEach((k, v) -> kept.put(k, v == null ? "" : v));
        return kept;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString().strip() : null;
    }

    /** Some models wrap JSON in a Markdown code fence even when asked not to. */
    private static String stripFences(String content) {
        String text = content.strip();
        if (text.startsWith("```")) {
            text = text.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        return text;
    }

    private static List<Story> stories(Newsletter newsletter) {
        List<Story> stories = new ArrayList<>();
        newsletter.sections().forEach(s -> stories.addAll(s.stories()));
        return stories;
    }
}

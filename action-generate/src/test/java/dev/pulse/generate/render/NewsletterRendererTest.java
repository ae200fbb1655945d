package dev.pulse.generate.render;

import static dev.pulse.generate.Items.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.pulse.contracts.messages.ContentItem;
import dev.pulse.contracts.messages.NewsletterGenerated;
import dev.pulse.contracts.messages.SourceType;
import dev.pulse.contracts.messages.Tone;
import dev.pulse.generate.Items;
import dev.pulse.generate.compose.ComposeSettings;
import dev.pulse.generate.compose.Composer;
import dev.pulse.generate.compose.Newsletter;

/** The bodies subscribers get: snapshots with hostile input, escaping, links, the size cap. */
class NewsletterRendererTest {

    private final Composer composer = new Composer(new ComposeSettings(10, 3, Duration.ofHours(24), 280));
    private final NewsletterRenderer renderer = new NewsletterRenderer();

    static List<ContentItem> hostile() {
        return List.of(
                Items.item(SourceType.RSS, "Security <Weekly>", "<script>alert(1)</script>", "https://sec.example/xss", 1, 0, 0,
                        "An \"innocent\" summary with <img src=x onerror=alert(1)> & an ampersand."),
                Items.item(SourceType.RSS, "Security <Weekly>", "A javascript: link story", "javascript:alert(document.cookie)", 2,
                        0, 0, "Its link must not be a link."),
                Items.item(SourceType.REDDIT, "r/programming", "Quotes \"here\" and 'there' & <b>bold</b>",
                        "https://example.org/a?x=1&y=\"2\"", 3, 120, 40, null),
                Items.feed("Plain News", "Ordinary story about release notes", "https://news.example/notes", 4));
    }

    @Test
    void hostileInputRendersAsInertTextInBothBodies() throws IOException {
        Newsletter newsletter = composer.compose(hostile(), Set.of(), 10, Tone.PROFESSIONAL, NOW);
        NewsletterRenderer.Rendered rendered = renderer.render(newsletter);

        assertThat(rendered.html()).doesNotContain("<script>", "<img src=x", "javascript:alert", "<b>bold</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "Security &lt;Weekly&gt;")
                .contains("href=\"" + NewsletterGenerated.UNSUBSCRIBE_URL + "\"");
        assertThat(rendered.html()).as("the javascript: story is shown, not linked").contains("A javascript: link story");
        assertThat(rendered.text()).contains("<script>alert(1)</script>").doesNotContain("javascript:alert")
                .contains("Unsubscribe: " + NewsletterGenerated.UNSUBSCRIBE_URL);
        assertSnapshot("hostile.html", rendered.html());
        assertSnapshot("hostile.txt", rendered.text());
    }

    /** The sample in docs/ is what subscribers get: rendered from realistic items, kept true by this test. */
    @Test
    void theSampleInDocsIsWhatTheRendererMakes() throws IOException {
        List<ContentItem> items = List.of(
                Items.item(SourceType.REDDIT, "r/programming", "Postgres 19 adds incremental materialized views",
                        "https://www.postgresql.org/about/news/postgres-19/", 3, 2140, 318,
                        "The release notes list incremental refresh for materialized views. Benchmarks in the thread show large gains."),
                Items.item(SourceType.RSS, "Hacker News", "Postgres 19 adds incremental materialized views",
                        "https://postgresql.org/about/news/postgres-19", 4, 0, 0, null),
                Items.item(SourceType.RSS, "InfoQ", "How a bank moved its batch jobs to Kafka Streams",
                        "https://www.infoq.example/articles/bank-kafka-streams/", 6, 0, 0,
                        "An engineering team explains the migration, what broke, and what they measured. It took a year."),
                Items.item(SourceType.RSS, "InfoQ", "Designing idempotent consumers", "https://www.infoq.example/articles/idempotent/",
                        9, 0, 0, "Why at-least-once delivery needs idempotent handlers, with patterns for keys and ledgers."),
                Items.item(SourceType.YOUTUBE, "Conference Talks", "Scheduling across time zones without tears",
                        "https://www.youtube.com/watch?v=AbCdEfGhIj1", 20, 0, 0,
                        "A talk on DST gaps, overlaps and why cron is not enough."));
        Newsletter newsletter = composer.compose(items, Set.of(), 10, Tone.FRIENDLY, NOW);
        NewsletterRenderer.Rendered rendered = renderer.render(newsletter);
        assertSameAs(Path.of("..", "docs", "sample-newsletter.html"), rendered.html());
        assertSameAs(Path.of("..", "docs", "sample-newsletter.txt"), rendered.text());
    }

    @Test
    void aHundredLongItemsStayUnderTheClippingSize() {
        List<ContentItem> items = IntStream.range(0, 100).mapToObj(i -> Items.item(SourceType.RSS, "Source " + (i % 10),
                "A long headline number " + i + " ".repeat(1) + "word ".repeat(30), "https://long.example/" + i + "/" + "path".repeat(40),
                i % 24, 0, 0, "Sentence with many words in it. ".repeat(40))).toList();
        ComposeSettings everything = new ComposeSettings(100, 100, Duration.ofHours(24), 2000);
        Newsletter newsletter = new Composer(everything).compose(items, Set.of(), 100, Tone.PROFESSIONAL, NOW);
        assertThat(newsletter.storyCount()).isEqualTo(100);

        NewsletterRenderer.Rendered rendered = renderer.render(newsletter);

        assertThat(rendered.html().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(NewsletterRenderer.MAX_HTML_BYTES);
        assertThat(rendered.newsletter().storyCount()).isBetween(1, 99);
        assertThat(rendered.text()).as("the text has the same stories").contains(
                rendered.newsletter().sections().get(0).stories().get(0).title());
        assertThat(rendered.newsletter().itemIds()).hasSize(rendered.newsletter().storyCount());
    }

    @Test
    void sameNewsletterSameBytes() {
        Newsletter newsletter = composer.compose(hostile(), Set.of(), 10, Tone.FRIENDLY, NOW);
        assertThat(renderer.render(newsletter)).isEqualTo(renderer.render(newsletter));
    }

    /** Compares with src/test/resources/snapshots/NAME; a missing snapshot is written to target/ for review. */
    static void assertSnapshot(String name, String actual) throws IOException {
        try (InputStream in = NewsletterRendererTest.class.getResourceAsStream("/snapshots/" + name)) {
            if (in == null) {
                throw new AssertionError("No snapshot " + name + "; review and copy " + draft(name, actual));
            }
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void assertSameAs(Path file, String actual) throws IOException {
        if (!Files.exists(file) || !Files.readString(file).equals(actual)) {
            throw new AssertionError(file + " is not what the renderer makes; review and copy " + draft(
                    file.getFileName().toString(), actual));
        }
    }

    private static Path draft(String name, String content) throws IOException {
        Path draft = Path.of("target", "snapshot-drafts", name).toAbsolutePath();
        Files.createDirectories(draft.getParent());
        Files.writeString(draft, content);
        return draft;
    }
}

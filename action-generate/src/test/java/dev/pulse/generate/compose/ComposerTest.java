package dev.pulse.generate.compose;

import static dev.pulse.generate.Items.NOW;
import static dev.pulse.generate.Items.feed;
import static dev.pulse.generate.Items.reddit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.pulse.contracts.messages.ContentItem;
import dev.pulse.contracts.messages.Tone;

class ComposerTest {

    private final Composer composer = new Composer(new ComposeSettings(10, 3, Duration.ofHours(24), 280));

    private static List<String> titles(Newsletter newsletter) {
        return newsletter.sections().stream().flatMap(s -> s.stories().stream()).map(Story::title).toList();
    }

    @Test
    void theSameStoryFromTwoFeedsAppearsOnceCreditingBoth() {
        Newsletter newsletter = composer.compose(List.of(
                feed("Hacker News", "Kafka 5.0 released with queues", "https://kafka.apache.org/blog/5.0", 2),
                feed("Lobsters", "Kafka 5.0 released with queues", "https://www.kafka.apache.org/blog/5.0/", 3),
                feed("InfoQ", "Kafka 5.0 released, with queues!", "https://infoq.example/kafka-5", 1),
                feed("InfoQ", "Something else entirely happened today", "https://infoq.example/other", 1)),
                Set.of(), 10, Tone.PROFESSIONAL, NOW);

        assertThat(titles(newsletter)).containsOnlyOnce("Kafka 5.0 released, with queues!")
                .doesNotContain("Kafka 5.0 released with queues").hasSize(2);
        Story kafka = newsletter.sections().stream().flatMap(s -> s.stories().stream())
                .filter(s -> s.title().startsWith("Kafka")).findFirst().orElseThrow();
        assertThat(kafka.credits()).containsExactlyInAnyOrder("InfoQ", "Hacker News", "Lobsters");
        assertThat(kafka.itemIds()).hasSize(3);
        assertThat(newsletter.itemIds()).hasSize(4);
    }

    @Test
    void engagementIsMeasuredWithinItsSourceAndNewerWins() {
        Newsletter newsletter = composer.compose(List.of(
                reddit("Low score post", "https://a.example/1", 1, 10, 1),
                reddit("High score post", "https://a.example/2", 1, 900, 300),
                reddit("High score but old post", "https://a.example/3", 60, 1000, 400)),
                Set.of(), 10, Tone.PROFESSIONAL, NOW);
        assertThat(titles(newsletter)).containsExactly("High score post", "Low score post", "High score but old post");
    }

    @Test
    void itemsTheWorkspaceAlreadyGotAreLeftOut() {
        ContentItem old = feed("Blog", "Already sent story", "https://blog.example/1", 1);
        ContentItem fresh = feed("Blog", "A new story", "https://blog.example/2", 1);
        Newsletter newsletter = composer.compose(List.of(old, fresh), Set.of(old.id()), 10, Tone.CASUAL, NOW);
        assertThat(titles(newsletter)).containsExactly("A new story");
        assertThat(composer.compose(List.of(old), Set.of(old.id()), 10, Tone.CASUAL, NOW)).as("nothing left").isNull();
    }

    @Test
    void maxItemsAndThePerSourceCapHold() {
        List<ContentItem> items = IntStream.range(0, 30)
                .mapToObj(i -> feed(i < 20 ? "Big source" : "Small source " + i, "Story number " + i + " about things",
                        "https://news.example/" + i, i))
                .toList();
        Newsletter newsletter = composer.compose(items, Set.of(), 9, Tone.PROFESSIONAL, NOW);
        assertThat(newsletter.storyCount()).isEqualTo(9);
        assertThat(newsletter.sections().get(0).heading()).isEqualTo("Big source");
        assertThat(newsletter.sections().get(0).stories()).hasSize(3);
    }

    @Test
    void aNewsletterWithOneSourceStillFillsUpToMaxItems() {
        List<ContentItem> items = IntStream.range(0, 12).mapToObj(i -> feed("Only source", "Single source story " + i + " here",
                "https://one.example/" + i, i)).toList();
        assertThat(composer.compose(items, Set.of(), 5, Tone.PROFESSIONAL, NOW).storyCount()).isEqualTo(5);
    }

    @Test
    void theSubjectComesFromTheTopStoriesAndFits() {
        Newsletter newsletter = composer.compose(List.of(
                feed("A", "Rust 2.0 is out!!!", "https://a.example/1", 1),
                feed("B", "Why queues beat polling:", "https://b.example/1", 2),
                feed("C", "A third story whose title is long enough not to fit", "https://c.example/1", 3)),
                Set.of(), 10, Tone.PROFESSIONAL, NOW);
        assertThat(newsletter.subject()).isEqualTo("Rust 2.0 is out! · Why queues beat polling").hasSizeLessThanOrEqualTo(70);

        String longTitle = "An extraordinarily long headline that keeps going well past any inbox's patience for it";
        Newsletter alone = composer.compose(List.of(feed("A", longTitle, "https://a.example/2", 1)), Set.of(), 10,
                Tone.PROFESSIONAL, NOW);
        assertThat(alone.subject()).hasSizeLessThanOrEqualTo(70).endsWith("…").doesNotContain("  ");
    }

    @Test
    void toneChangesTheCopyAndNothingElse() {
        List<ContentItem> items = List.of(feed("A", "One story", "https://a.example/1", 1), feed("B", "Two story", "https://b.example/1", 2));
        Newsletter professional = composer.compose(items, Set.of(), 10, Tone.PROFESSIONAL, NOW);
        for (Tone tone : Tone.values()) {
            Newsletter other = composer.compose(items, Set.of(), 10, tone, NOW);
            assertThat(other.sections()).isEqualTo(professional.sections());
            assertThat(other.subject()).isEqualTo(professional.subject());
            assertThat(other.intro()).contains("2");
            if (tone != Tone.PROFESSIONAL) {
                assertThat(other.intro()).isNotEqualTo(professional.intro());
                assertThat(other.outro()).isNotEqualTo(professional.outro());
            }
        }
    }

    @Test
    void summariesAreCutAtASentenceEnd() {
        String summary = "The first sentence says what happened. The second sentence adds a detail. " + "More words ".repeat(40);
        ContentItem item = dev.pulse.generate.Items.item(dev.pulse.contracts.messages.SourceType.RSS, "A", "Title here",
                "https://a.example/1", 1, 0, 0, summary);
        Story story = composer.compose(List.of(item), Set.of(), 10, Tone.PROFESSIONAL, NOW).sections().get(0).stories().get(0);
        assertThat(story.summary()).isEqualTo("The first sentence says what happened. The second sentence adds a detail.");
    }

    @Test
    void theSameInputGivesTheSameNewsletter() {
        List<ContentItem> items = IntStream.range(0, 50).mapToObj(i -> reddit("Post " + i + " on a topic", "https://r.example/" + i,
                i % 7, (i * 37) % 101, (i * 13) % 29)).toList();
        Newsletter first = composer.compose(items, Set.of(), 10, Tone.TECHNICAL, NOW);
        List<ContentItem> shuffled = new java.util.ArrayList<>(items);
        java.util.Collections.reverse(shuffled);
        assertThat(composer.compose(shuffled, Set.of(), 10, Tone.TECHNICAL, NOW)).isEqualTo(first);
    }
}

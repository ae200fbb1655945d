package dev.pulse.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.ActionFailed;
import dev.pulse.contracts.messages.ContentItem;
import dev.pulse.contracts.messages.ContentScraped;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.NewsletterGenerated;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.messages.Tone;
import dev.pulse.contracts.messages.Trigger;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.testsupport.TopicReader;
import dev.pulse.testsupport.TopicWriter;
import dev.pulse.testsupport.WithKafka;
import dev.pulse.testsupport.WithPostgres;

/** ContentScraped in, NewsletterGenerated out, on the embedded broker, with the row it keeps. */
@WithKafka
@WithPostgres
@SpringBootTest(properties = {"pulse.stage.max-attempts=2", "pulse.stage.backoff=100ms"})
class GenerateStageTest {

    private static final MessageCodec CODEC = new MessageCodec();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    JdbcClient db;

    private UUID workspace() {
        UUID user = UUID.randomUUID();
        UUID workspace = UUID.randomUUID();
        db.sql("INSERT INTO users (id, email) VALUES (?, ?)").params(user, user + "@example.org").update();
        db.sql("INSERT INTO workspaces (id, name, created_by) VALUES (?, 'Generate test', ?)").params(workspace, user).update();
        return workspace;
    }

    private static ContentScraped scraped(UUID workspace, List<ContentItem> items, Integer maxItems, boolean testMode) {
        JobConfig config = new JobConfig(maxItems, 1, List.of(), Tone.FRIENDLY, testMode, List.of(), null);
        Envelope envelope = Envelope.forExecution(UUID.randomUUID(), Trigger.SCHEDULE, null, testMode, UUID.randomUUID(),
                workspace, Plan.of(Action.SCRAPE, Action.GENERATE, Action.SEND), config, Instant.now());
        return new ContentScraped(envelope, items, List.of());
    }

    private static byte[] send(ContentScraped input) {
        byte[] value = CODEC.encode(input);
        TopicWriter.send(Topics.CONTENT_SCRAPED.name(), input.envelope().executionId().toString(), value);
        return value;
    }

    private static List<ConsumerRecord<String, byte[]>> await(TopicReader reader, ContentScraped input, int count) {
        String key = input.envelope().executionId().toString();
        return reader.await(r -> key.equals(r.key()), count, WAIT);
    }

    private static List<ContentItem> items(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> Items.feed("Source " + (i % 3), prefix + " story " + i + " happened",
                "https://news.example/" + prefix + "/" + i, i)).toList();
    }

    @Test
    void contentScrapedBecomesOneKeptNewsletter() {
        UUID workspace = workspace();
        ContentScraped input = scraped(workspace, items("kept", 12), 6, true);
        TopicReader out = TopicReader.atEnd(Topics.NEWSLETTER_GENERATED.name());
        send(input);
        NewsletterGenerated generated = CODEC.decode(await(out, input, 1).get(0).value(), NewsletterGenerated.class);

        assertThat(generated.itemCount()).isEqualTo(6);
        assertThat(generated.itemIds()).hasSize(6);
        assertThat(generated.envelope().testMode()).as("test mode passes through").isTrue();
        assertThat(generated.htmlBody()).contains("kept story 0 happened", NewsletterGenerated.UNSUBSCRIBE_URL);
        assertThat(generated.textBody()).contains("kept story 0 happened");
        assertThat(generated.subject()).isNotBlank().hasSizeLessThanOrEqualTo(70);
        assertThat(generated.llmUsed()).isFalse();
        assertThat(db.sql("SELECT subject FROM newsletters WHERE execution_id = ?").param(input.envelope().executionId())
                .query(String.class).single()).isEqualTo(generated.subject());
    }

    @Test
    void aRedeliveredInputGetsTheSameNewsletter() {
        UUID workspace = workspace();
        ContentScraped input = scraped(workspace, items("again", 5), 10, false);
        TopicReader out = TopicReader.atEnd(Topics.NEWSLETTER_GENERATED.name());
        send(input);
        await(out, input, 1);
        send(input);
        List<ConsumerRecord<String, byte[]>> both = await(out, input, 2);
        assertThat(both).hasSize(2);
        assertThat(both.get(1).value()).isEqualTo(both.get(0).value());
        assertThat(db.sql("SELECT count(*) FROM newsletters WHERE execution_id = ?").param(input.envelope().executionId())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void itemsOfTheWorkspacesRecentNewsletterAreLeftOutAndNothingNewIsNoContent() {
        UUID workspace = workspace();
        List<ContentItem> items = items("used", 4);
        TopicReader out = TopicReader.atEnd(Topics.NEWSLETTER_GENERATED.name());
        ContentScraped first = scraped(workspace, items, 10, false);
        send(first);
        await(out, first, 1);

        TopicReader failures = TopicReader.atEnd(Topics.ACTION_FAILED.name());
        ContentScraped second = scraped(workspace, items, 10, false);
        send(second);
        ActionFailed failed = CODEC.decode(failures.await(r -> r.key().equals(second.envelope().executionId().toString()), 1,
                WAIT).get(0).value(), ActionFailed.class);
        assertThat(failed.errorCode()).isEqualTo("NO_CONTENT");
        assertThat(failed.attempts()).as("not retried").isEqualTo(1);
        assertThat(failed.errorMessage()).contains("already in this workspace's recent newsletters");
    }

    @Test
    void aPlanStartingWithGenerateUsesTheWorkspacesStoredItems() {
        UUID workspace = workspace();
        UUID feed = UUID.randomUUID();
        db.sql("INSERT INTO feeds (id, feed_key, source_type, title) VALUES (?, ?, 'rss', 'Stored feed')")
                .params(feed, "https://stored.example/" + feed + "/feed.xml").update();
        db.sql("INSERT INTO workspace_feeds (workspace_id, feed_id, last_read_at) VALUES (?, ?, now())").params(workspace, feed)
                .update();
        for (int i = 0; i < 3; i++) {
            db.sql("""
                    INSERT INTO feed_items (id, feed_id, item_key, url, title, published_at, first_seen_at)
                    VALUES (?, ?, ?, ?, ?, now() - make_interval(hours => ?), now())""")
                    .params(UUID.randomUUID(), feed, "k" + i, "https://stored.example/" + i, "Stored story " + i + " is here", i)
                    .update();
        }
        JobConfig config = new JobConfig(10, 1, List.of(), null, false, List.of(), null);
        Envelope envelope = Envelope.forExecution(UUID.randomUUID(), Trigger.MANUAL, null, false, UUID.randomUUID(),
                workspace, Plan.of(Action.GENERATE, Action.SEND), config, Instant.now());
        TopicReader out = TopicReader.atEnd(Topics.NEWSLETTER_GENERATED.name());
        TopicWriter.send(Topics.JOB_DUE.name(), envelope.executionId().toString(),
                CODEC.encode(new dev.pulse.contracts.messages.JobDue(envelope, Instant.now(), null)));
        NewsletterGenerated generated = CODEC.decode(out.await(r -> r.key().equals(envelope.executionId().toString()), 1,
                WAIT).get(0).value(), NewsletterGenerated.class);
        assertThat(generated.itemCount()).isEqualTo(3);
        assertThat(generated.textBody()).contains("Stored story 0 is here", "Stored feed");
    }

    @Test
    void noItemsAtAllIsNoContent() {
        TopicReader failures = TopicReader.atEnd(Topics.ACTION_FAILED.name());
        ContentScraped empty = scraped(workspace(), List.of(), 10, false);
        send(empty);
        ActionFailed failed = CODEC.decode(failures.await(r -> r.key().equals(empty.envelope().executionId().toString()), 1,
                WAIT).get(0).value(), ActionFailed.class);
        assertThat(failed.errorCode()).isEqualTo("NO_CONTENT");
    }
}

package dev.pulse.generate.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.ContentScraped;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.NewsletterGenerated;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.messages.Trigger;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.generate.Items;
import dev.pulse.testsupport.TopicReader;
import dev.pulse.testsupport.TopicWriter;
import dev.pulse.testsupport.WithKafka;
import dev.pulse.testsupport.WithPostgres;

/** The stage with a model configured: its accepted text is kept, so a redelivery never asks it again. */
@WithKafka
@WithPostgres
@SpringBootTest(properties = {"pulse.generate.llm.timeout=2s"})
class GenerateWithModelTest {

    static final ChatServer MODEL = new ChatServer();
    private static final MessageCodec CODEC = new MessageCodec();

    @Autowired
    JdbcClient db;

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry registry) {
        registry.add("pulse.generate.llm.base-url", () -> MODEL.baseUrl().toString());
    }

    private ContentScraped input() {
        UUID user = UUID.randomUUID();
        UUID workspace = UUID.randomUUID();
        db.sql("INSERT INTO users (id, email) VALUES (?, ?)").params(user, user + "@example.org").update();
        db.sql("INSERT INTO workspaces (id, name, created_by) VALUES (?, 'Model test', ?)").params(workspace, user).update();
        Envelope envelope = Envelope.forExecution(UUID.randomUUID(), Trigger.SCHEDULE, null, false, UUID.randomUUID(),
                workspace, Plan.of(Action.SCRAPE, Action.GENERATE, Action.SEND),
                new JobConfig(5, 1, List.of(), null, false, List.of(), null), Instant.now());
        return new ContentScraped(envelope, List.of(Items.feed("Blog", "Model story one", "https://m.example/1", 1),
                Items.feed("Blog", "Model story two", "https://m.example/2", 2)), List.of());
    }

    private static List<ConsumerRecord<String, byte[]>> sendAndAwait(ContentScraped input, int count) {
        TopicReader out = TopicReader.atEnd(Topics.NEWSLETTER_GENERATED.name());
        TopicWriter.send(Topics.CONTENT_SCRAPED.name(), input.envelope().executionId().toString(), CODEC.encode(input));
        return out.await(r -> r.key().equals(input.envelope().executionId().toString()), count, Duration.ofSeconds(30));
    }

    @Test
    void theAcceptedRewriteIsKeptAndARedeliveryDoesNotAskAgain() {
        MODEL.answer(200, ChatServer.completion("""
                {"subject": "Model-written subject", "intro": "A model wrote this intro.",
                 "summaries": {"1": "Model summary one.", "2": "Model summary two."}}"""));
        ContentScraped input = input();
        int asked = MODEL.requests().size();
        NewsletterGenerated first = CODEC.decode(sendAndAwait(input, 1).get(0).value(), NewsletterGenerated.class);
        assertThat(first.llmUsed()).isTrue();
        assertThat(first.subject()).isEqualTo("Model-written subject");
        assertThat(first.htmlBody()).contains("A model wrote this intro.", "Model summary one.");
        assertThat(db.sql("SELECT llm_output->>'subject' FROM newsletters WHERE execution_id = ?")
                .param(input.envelope().executionId()).query(String.class).single()).isEqualTo("Model-written subject");

        TopicReader out = TopicReader.atEnd(Topics.NEWSLETTER_GENERATED.name());
        TopicWriter.send(Topics.CONTENT_SCRAPED.name(), input.envelope().executionId().toString(), CODEC.encode(input));
        byte[] again = out.await(r -> r.key().equals(input.envelope().executionId().toString()), 1, Duration.ofSeconds(30))
                .get(0).value();
        assertThat(CODEC.decode(again, NewsletterGenerated.class)).isEqualTo(first);
        assertThat(MODEL.requests()).as("asked once for the execution").hasSize(asked + 1);
    }

    @Test
    void aFailingModelLeavesTheDeterministicTextAndSaysWhy() {
        MODEL.answer(500, "{}");
        NewsletterGenerated generated = CODEC.decode(sendAndAwait(input(), 1).get(0).value(), NewsletterGenerated.class);
        assertThat(generated.llmUsed()).isFalse();
        assertThat(generated.llmFallback()).contains("HTTP 500");
        assertThat(generated.subject()).contains("Model story one");
    }
}

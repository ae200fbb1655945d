package dev.pulse.send;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.ActionFailed;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.NewsletterGenerated;
import dev.pulse.contracts.messages.NewsletterSent;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.messages.PulseMessage;
import dev.pulse.contracts.messages.Trigger;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.testsupport.TopicReader;
import dev.pulse.testsupport.TopicWriter;

/** Workspaces, subscribers and newsletters in the database, and the send stage's inputs and outputs on the broker. */
final class SendFixtures {

    static final MessageCodec CODEC = new MessageCodec();
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String HTML = "<html><body><p>Hello from Pulse. Caf\u00e9 \u2014 na\u00efve.</p>"
            + "<p><a href=\"" + NewsletterGenerated.UNSUBSCRIBE_URL + "\">Unsubscribe</a></p></body></html>";
    static final String TEXT = "Hello from Pulse. Caf\u00e9 \u2014 na\u00efve.\n\nUnsubscribe: " + NewsletterGenerated.UNSUBSCRIBE_URL + "\n";

    private final JdbcClient db;

    SendFixtures(JdbcClient db) {
        this.db = db;
    }

    UUID workspace() {
        UUID user = UUID.randomUUID();
        UUID workspace = UUID.randomUUID();
        db.sql("INSERT INTO users (id, email) VALUES (?, ?)").params(user, user + "@example.org").update();
        db.sql("INSERT INTO workspaces (id, name, created_by) VALUES (?, 'Send test', ?)").params(workspace, user).update();
        return workspace;
    }

    /** {@code count} active subscribers, reader-0@domain and on; their addresses in order. */
    List<String> subscribers(UUID workspace, String domain, int count) {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            emails.add(subscriber(workspace, "reader-" + i + "@" + domain, "active"));
        }
        return emails;
    }

    String subscriber(UUID workspace, String email, String status) {
        db.sql("""
                INSERT INTO subscribers (id, workspace_id, email, status, unsubscribed_at)
                VALUES (?, ?, ?, ?, CASE WHEN ? = 'unsubscribed' THEN now() END)""")
                .params(UUID.randomUUID(), workspace, email, status, status).update();
        return email;
    }

    String subscriberStatus(UUID workspace, String email) {
        return db.sql("SELECT status FROM subscribers WHERE workspace_id = ? AND email = ?").params(workspace, email)
                .query(String.class).single();
    }

    /** A newsletter row (the send stage's foreign key) and the event announcing it. */
    NewsletterGenerated newsletter(UUID workspace, boolean testMode, List<String> testEmails) {
        return newsletter(workspace, testMode, testEmails, HTML);
    }

    NewsletterGenerated newsletter(UUID workspace, boolean testMode, List<String> testEmails, String html) {
        UUID execution = UUID.randomUUID();
        UUID job = UUID.randomUUID();
        UUID newsletter = UUID.randomUUID();
        String subject = "Pulse digest " + newsletter.toString().substring(0, 8);
        db.sql("""
                INSERT INTO newsletters (id, execution_id, job_id, workspace_id, subject, html_body, text_body, item_count, test_mode)
                VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)""")
                .params(newsletter, execution, job, workspace, subject, html, TEXT, testMode).update();
        JobConfig config = new JobConfig(10, 1, List.of(), null, testMode, testEmails, null);
        Envelope envelope = Envelope.forExecution(execution, Trigger.SCHEDULE, null, testMode, job, workspace,
                Plan.of(Action.SCRAPE, Action.GENERATE, Action.SEND), config, Instant.now());
        return new NewsletterGenerated(envelope, newsletter, subject, html, TEXT, 1, List.of(), false, null);
    }

    /** The same input again, as a replay: same execution, trigger REPLAY. */
    static NewsletterGenerated replay(NewsletterGenerated input) {
        Envelope in = input.envelope();
        Envelope envelope = new Envelope(UUID.randomUUID(), Envelope.SCHEMA_VERSION, Instant.now(), in.jobId(), in.workspaceId(),
                in.executionId(), Trigger.REPLAY, in.executionId(), in.testMode(), in.plan(), in.config());
        return new NewsletterGenerated(envelope, input.newsletterId(), input.subject(), input.htmlBody(), input.textBody(),
                input.itemCount(), input.itemIds(), input.llmUsed(), input.llmFallback());
    }

    static JobDue sendOnly(UUID workspace) {
        Envelope envelope = Envelope.forExecution(UUID.randomUUID(), Trigger.SCHEDULE, null, false, UUID.randomUUID(), workspace,
                Plan.of(Action.SEND), JobConfig.empty(), Instant.now());
        return new JobDue(envelope, Instant.now(), null);
    }

    static void publish(PulseMessage input) {
        String topic = input instanceof JobDue ? Topics.JOB_DUE.name() : Topics.NEWSLETTER_GENERATED.name();
        TopicWriter.send(topic, input.envelope().executionId().toString(), CODEC.encode(input));
    }

    static NewsletterSent awaitSent(TopicReader sent, PulseMessage input, int count) {
        List<ConsumerRecord<String, byte[]>> records = await(sent, input, count);
        return CODEC.decode(records.get(records.size() - 1).value(), NewsletterSent.class);
    }

    static ActionFailed awaitFailed(TopicReader failures, PulseMessage input) {
        return CODEC.decode(await(failures, input, 1).get(0).value(), ActionFailed.class);
    }

    static List<ConsumerRecord<String, byte[]>> await(TopicReader reader, PulseMessage input, int count) {
        String key = input.envelope().executionId().toString();
        List<ConsumerRecord<String, byte[]>> records = reader.await(r -> key.equals(r.key()), count, WAIT);
        if (records.size() < count) {
            throw new AssertionError("expected " + count + " records for execution " + key + " on " + reader + ", got " + records.size());
        }
        return records;
    }
}

package dev.pulse.scrape;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.FeedSource;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.messages.Trigger;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.testsupport.TopicReader;
import dev.pulse.testsupport.TopicWriter;
import dev.pulse.testsupport.WithKafka;
import dev.pulse.testsupport.WithPostgres;

/**
 * action-scrape as deployed, on the embedded broker and PostgreSQL, reading feeds, Reddit and YouTube
 * from one local HTTP server (the only network the guard lets through).
 */
@WithKafka
@WithPostgres
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "pulse.scrape.fetch.allowed-networks=127.0.0.1/32", "pulse.scrape.fetch.total-timeout=3s",
        "pulse.stage.max-attempts=2", "pulse.stage.backoff=100ms"})
abstract class ScrapeServiceTest {

    static final FeedServer SERVER = new FeedServer();
    static final MessageCodec CODEC = new MessageCodec();
    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    JdbcClient db;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void localServers(DynamicPropertyRegistry registry) {
        registry.add("pulse.scrape.reddit.base-url", () -> SERVER.url("/").toString());
        registry.add("pulse.scrape.reddit.oauth-base-url", () -> SERVER.url("/oauth").toString());
        registry.add("pulse.scrape.youtube.base-url", () -> SERVER.url("/").toString());
    }

    @AfterAll
    static void keepServer() {
        // one server for the JVM: the Spring context (cached across test classes) keeps pointing at it
    }

    UUID workspace() {
        UUID user = UUID.randomUUID();
        UUID workspace = UUID.randomUUID();
        db.sql("INSERT INTO users (id, email) VALUES (?, ?)").params(user, user + "@example.org").update();
        db.sql("INSERT INTO workspaces (id, name, created_by) VALUES (?, 'Scrape test', ?)").params(workspace, user).update();
        return workspace;
    }

    void addFeed(UUID workspace, String type, String url) {
        db.sql("INSERT INTO workspace_sources (id, workspace_id, type, url) VALUES (?, ?, ?, ?)")
                .params(UUID.randomUUID(), workspace, type, url).update();
    }

    void addSubreddit(UUID workspace, String subreddit, String sort, String window, Integer limit) {
        db.sql("""
                INSERT INTO workspace_sources (id, workspace_id, type, subreddit, sort, time_window, item_limit)
                VALUES (?, ?, 'reddit', ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), workspace, subreddit, sort, window, limit).update();
    }

    static JobDue jobDue(UUID workspace, List<FeedSource> sources, Integer maxItems) {
        Instant now = Instant.now();
        JobConfig config = new JobConfig(maxItems, 1, sources, null, false, List.of(), null);
        return new JobDue(Envelope.forExecution(UUID.randomUUID(), Trigger.SCHEDULE, null, false, UUID.randomUUID(),
                workspace, Plan.of(Action.SCRAPE, Action.GENERATE, Action.SEND), config, now), now, null);
    }

    static byte[] send(JobDue due) {
        byte[] value = CODEC.encode(due);
        TopicWriter.send(Topics.JOB_DUE.name(), due.envelope().executionId().toString(), value);
        return value;
    }

    static List<ConsumerRecord<String, byte[]>> await(TopicReader reader, JobDue due, int count) {
        String key = due.envelope().executionId().toString();
        return reader.await(r -> key.equals(r.key()), count, WAIT);
    }

    /** Makes every stored feed due for a fetch again, as if its freshness window had passed. */
    void staleFeeds() {
        db.sql("UPDATE feeds SET fresh_until = now() - interval '1 second'").update();
    }
}

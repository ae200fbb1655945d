package dev.pulse.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.pulse.contracts.messages.NewsletterGenerated;
import dev.pulse.contracts.messages.NewsletterSent;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.testsupport.EmbeddedKafka;
import dev.pulse.testsupport.ServiceTopicsCreated;
import dev.pulse.testsupport.EmbeddedPostgresDatabase;
import dev.pulse.testsupport.TopicReader;
import dev.pulse.testsupport.WithKafka;
import dev.pulse.testsupport.WithPostgres;

/**
 * action-send as a real process, stopped in the middle of a list and started again. After SIGKILL the
 * list is finished, nobody is skipped, and the repeats are at most the messages that were in flight,
 * one per SMTP connection; after SIGTERM nothing is repeated (see docs/architecture.md, "action-send").
 */
@WithKafka
@WithPostgres
class SendProcessTest {

    private static final int LIST = 4_000;
    private static final int CONNECTIONS = 4;
    private static final String DOMAIN = "@kill.example";
    private static final String TERM_DOMAIN = "@term.example";
    static final FaultSmtpServer SMTP = FaultSmtpServer.start();

    @BeforeAll
    static void topics() {
        ServiceTopicsCreated.createFor(ServiceTopics.ACTION_SEND);
    }

    @AfterAll
    static void stop() throws IOException {
        SMTP.close();
    }

    @Test
    void sigkillMidListThenARestartFinishesTheListSkippingNobody() throws Exception {
        SMTP.delay(Duration.ofMillis(1));
        SendFixtures fixtures = new SendFixtures(org.springframework.jdbc.core.simple.JdbcClient.create(EmbeddedPostgresDatabase.dataSource()));
        UUID workspace = fixtures.workspace();
        org.springframework.jdbc.core.simple.JdbcClient.create(EmbeddedPostgresDatabase.dataSource())
                .sql("INSERT INTO subscribers (id, workspace_id, email) SELECT md5(random()::text)::uuid, ?, 'r' || g || '@kill.example' "
                        + "FROM generate_series(1, ?) g").params(workspace, LIST).update();
        NewsletterGenerated input = fixtures.newsletter(workspace, false, List.of());
        TopicReader sent = TopicReader.atEnd(Topics.NEWSLETTER_SENT.name());

        Process first = start();
        SendFixtures.publish(input);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (received() < LIST / 4 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        first.destroyForcibly().waitFor();
        int atKill = received();
        assertThat(atKill).as("killed mid-list").isBetween(LIST / 4, LIST - 1);

        Process second = start();
        try {
            NewsletterSent result = SendFixtures.awaitSent(sent, input, 1);
            int received = received();
            int repeated = received - LIST;
            System.out.printf("[send] SIGKILL after %d of %d messages; after the restart: %d received, %d repeated, %d ambiguous%n",
                    atKill, LIST, received, repeated, result.ambiguous());
            assertThat(result.sent()).isEqualTo(LIST);
            assertThat(SMTP.receivedByRecipient().keySet().stream().filter(r -> r.endsWith(DOMAIN))).as("nobody skipped").hasSize(LIST);
            assertThat(repeated).as("repeats: at most one in flight per connection").isBetween(0, CONNECTIONS);
        } finally {
            second.destroyForcibly().waitFor();
        }
    }

    @Test
    void sigtermMidListFinishesTheMessagesInHandAndTheRestartRepeatsNobody() throws Exception {
        SMTP.delay(Duration.ofMillis(1));
        JdbcClient db = JdbcClient.create(EmbeddedPostgresDatabase.dataSource());
        SendFixtures fixtures = new SendFixtures(db);
        UUID workspace = fixtures.workspace();
        db.sql("INSERT INTO subscribers (id, workspace_id, email) SELECT md5(random()::text)::uuid, ?, 'r' || g || ? "
                + "FROM generate_series(1, ?) g").params(workspace, TERM_DOMAIN, LIST).update();
        NewsletterGenerated input = fixtures.newsletter(workspace, false, List.of());
        TopicReader sent = TopicReader.atEnd(Topics.NEWSLETTER_SENT.name());

        Process first = start();
        SendFixtures.publish(input);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (received(TERM_DOMAIN) < LIST / 4 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        first.destroy(); // SIGTERM
        assertThat(first.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
        int atStop = received(TERM_DOMAIN);
        int marked = db.sql("SELECT count(*) FROM deliveries WHERE newsletter_id = ? AND status = 'sent'")
                .param(input.newsletterId()).query(Integer.class).single();
        int held = db.sql("SELECT count(*) FROM deliveries WHERE newsletter_id = ? AND status = 'sending'")
                .param(input.newsletterId()).query(Integer.class).single();
        assertThat(atStop).as("stopped mid-list").isBetween(LIST / 4, LIST - 1);
        assertThat(marked).as("every message the server took is marked").isEqualTo(atStop);
        assertThat(held).as("no claim left behind").isZero();

        Process second = start();
        try {
            NewsletterSent result = SendFixtures.awaitSent(sent, input, 1);
            System.out.printf("[send] SIGTERM after %d of %d messages; after the restart: %d received%n", atStop, LIST,
                    received(TERM_DOMAIN));
            assertThat(result.sent()).isEqualTo(LIST);
            assertThat(received(TERM_DOMAIN)).as("nobody twice, nobody skipped").isEqualTo(LIST);
        } finally {
            second.destroyForcibly().waitFor();
        }
    }

    private static int received() {
        return received(DOMAIN);
    }

    /** Messages to this test's list (a helper may also finish another test's unfinished send here). */
    private static int received(String domain) {
        return SMTP.receivedByRecipient().entrySet().stream().filter(e -> e.getKey().endsWith(domain))
                .mapToInt(e -> e.getValue().size()).sum();
    }

    private static Process start() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ActionSendApplication.class.getName(),
                "--spring.kafka.bootstrap-servers=" + EmbeddedKafka.bootstrapServers(),
                "--spring.datasource.url=" + EmbeddedPostgresDatabase.jdbcUrl(),
                "--spring.datasource.username=" + EmbeddedPostgresDatabase.USER,
                "--spring.datasource.password=" + EmbeddedPostgresDatabase.PASSWORD,
                "--spring.mail.host=localhost", "--spring.mail.port=" + SMTP.port(), "--server.port=0",
                "--pulse.send.connections=" + CONNECTIONS, "--pulse.send.lease=3s",
                // a killed member holds its partitions until its session times out: 6 s, not the default 45 s
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000"));
        Path log = Files.createTempFile("action-send-", ".log");
        System.out.println("[send] process log " + log);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}

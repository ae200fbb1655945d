package dev.pulse.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import dev.pulse.api.SchedulerApiApplication;
import dev.pulse.api.auth.TokenMinter;
import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.contracts.topics.Topic;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.generate.ActionGenerateApplication;
import dev.pulse.scrape.ActionScrapeApplication;
import dev.pulse.send.ActionSendApplication;
import dev.pulse.testsupport.TopicReader;
import dev.pulse.testsupport.TopicWriter;
import dev.pulse.testsupport.WithKafka;
import dev.pulse.testsupport.WithPostgres;
import dev.pulse.ticker.TickerApplication;
import dev.pulse.ticker.config.TickerStreams;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * The whole pipeline: the API (with its execution tracker), the ticker, action-scrape, action-generate
 * and action-send, each started from its own application class and configuration as in production,
 * on one embedded broker and database, reading feeds from a local HTTP server and mailing through
 * GreenMail — driven only over HTTP, as a user would.
 */
@WithKafka
@WithPostgres
class PipelineTest {

    private static final String JWT_SECRET = "pipeline-test-jwt-secret-0123456789abcdefghij";
    private static final String UNSUBSCRIBE_SECRET = "pipeline-test-unsubscribe-secret-0123456789";
    private static final Duration RUN = Duration.ofSeconds(60);
    private static final Pattern UNSUBSCRIBE = Pattern.compile("<(http[^>]+/api/v1/unsubscribe\\?token=[^>]+)>");

    private static final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private static FeedServer feeds;
    private static ServerSetup smtpSetup;
    private static GreenMail smtp;
    /** Mail received by SMTP servers already stopped. */
    private static final List<MimeMessage> earlierMail = new ArrayList<>();
    private static Api api;
    private static Map<String, Integer> ports = new HashMap<>();

    @BeforeAll
    static void startEverything() throws IOException {
        feeds = FeedServer.start();
        try (ServerSocket free = new ServerSocket(0)) {
            smtpSetup = new ServerSetup(free.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        }
        smtp = new GreenMail(smtpSetup);
        smtp.start();

        start("scheduler-api", SchedulerApiApplication.class, "--pulse.api.jwt-secret=" + JWT_SECRET,
                "--pulse.api.unsubscribe-secret=" + UNSUBSCRIBE_SECRET);
        String apiUrl = "http://localhost:" + ports.get("scheduler-api");
        start("ticker", TickerApplication.class, "--pulse.ticker.state-dir=target/ticker-state-" + UUID.randomUUID());
        start("action-scrape", ActionScrapeApplication.class, "--pulse.scrape.fetch.allowed-networks=127.0.0.0/8");
        start("action-generate", ActionGenerateApplication.class);
        start("action-send", ActionSendApplication.class, "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpSetup.getPort(),
                "--pulse.send.unsubscribe.api-base-url=" + apiUrl, "--pulse.send.unsubscribe.secret=" + UNSUBSCRIBE_SECRET,
                // SMTP down fails the stage in seconds, not the production minutes
                "--pulse.stage.max-attempts=2", "--pulse.stage.backoff=300ms", "--pulse.send.timeouts.connect=2s");
        awaitRunning(services.get(1).getBean(TickerStreams.class));
        api = new Api(apiUrl, new TokenMinter(JWT_SECRET).mint(UUID.randomUUID(), "e2e@example.org", Duration.ofHours(1)));
    }

    private static void start(String name, Class<?> application, String... args) {
        ConfigurableApplicationContext context = InProcessService.start(application, List.of(args));
        services.add(context);
        ports.put(name, InProcessService.port(context));
    }

    private static void awaitRunning(TickerStreams streams) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (streams.state() != org.apache.kafka.streams.KafkaStreams.State.RUNNING) {
            assertThat(Instant.now()).as("ticker running within a minute").isBefore(deadline);
            sleep(100);
        }
    }

    @AfterAll
    static void stopEverything() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (feeds != null) {
            feeds.close();
        }
    }

    /** (a) Set up over HTTP, fired by the schedule: completed, everyone mailed once, and the link unsubscribes. */
    @Test
    void aScheduledRunMailsEverySubscriberOnceAndTheirLinkUnsubscribes() throws Exception {
        String workspace = workspace("scheduled");
        source(workspace, "rss", feeds.url("/feeds/scheduled.xml"));
        List<String> readers = subscribers(workspace, "scheduled", 3);
        Instant soon = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
        String job = api.call("POST", "/api/v1/scheduler", """
                {"workspace_id": "%s", "name": "every day", "schedule_type": "custom", "interval_hours": 24,
                 "anchor_at": "%s", "config": {"sources": ["rss"], "max_items": 10, "days_back": 1}}"""
                .formatted(workspace, soon)).get("id").asString();

        String execution = awaitFirstExecution(job);
        JsonNode done = api.awaitExecution(execution, Api.status("completed"), RUN);
        assertThat(done.get("trigger").asString()).isEqualTo("schedule");
        assertThat(Instant.parse(done.get("scheduled_for").asString())).isEqualTo(soon);
        assertThat(done.get("actions_performed").toString()).isEqualTo("[\"scrape\",\"generate\",\"send\"]");
        assertThat(done.get("scrape_result").get("items_count").asInt()).isEqualTo(5);
        assertThat(done.get("generate_result").get("newsletter_id").asString()).isNotBlank();
        assertThat(done.get("send_result").get("sent_count").asInt()).isEqualTo(3);
        assertThat(done.get("duration_seconds").asDouble()).isPositive();

        JsonNode jobView = api.call("GET", "/api/v1/scheduler/" + job, null);
        assertThat(jobView.get("total_runs").asInt()).isEqualTo(1);
        assertThat(jobView.get("successful_runs").asInt()).isEqualTo(1);
        assertThat(jobView.get("last_run_status").asString()).isEqualTo("completed");
        assertThat(Instant.parse(jobView.get("next_run_at").asString())).isEqualTo(soon.plus(Duration.ofHours(24)));
        assertThat(api.call("GET", "/api/v1/scheduler/" + job + "/stats", null).get("successful").asInt()).isEqualTo(1);

        Map<String, List<MimeMessage>> mail = mailTo(readers);
        for (String reader : readers) {
            assertThat(mail.get(reader)).as(reader).hasSize(1);
        }
        MimeMessage first = mail.get(readers.get(0)).get(0);
        Matcher link = UNSUBSCRIBE.matcher(first.getHeader("List-Unsubscribe", ","));
        assertThat(link.find()).isTrue();
        Api.Reply unsubscribed = new Api(api.baseUrl(), null).send("POST", link.group(1), "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click");
        assertThat(unsubscribed.status()).isEqualTo(200);
        JsonNode left = api.call("GET", "/api/v1/workspaces/" + workspace + "/subscribers?status=unsubscribed", null);
        assertThat(left.toString()).contains(readers.get(0)).doesNotContain(readers.get(1));
    }

    /** (b) Test mode mails only the test emails, and the newsletter can be read through the preview. */
    @Test
    void aTestRunMailsOnlyTheTestEmailsAndItsNewsletterCanBeRead() {
        String workspace = workspace("test-mode");
        source(workspace, "rss", feeds.url("/feeds/testmode.xml"));
        List<String> readers = subscribers(workspace, "testmode", 2);
        String job = dailyJob(workspace, "\"test_emails\": [\"qa-testmode@example.org\"]");
        String execution = api.call("POST", "/api/v1/scheduler/" + job + "/run-now", "{\"test_mode\": true}")
                .get("execution_id").asString();

        JsonNode done = api.awaitExecution(execution, Api.status("completed"), RUN);
        assertThat(done.get("test_mode").asBoolean()).isTrue();
        assertThat(done.get("send_result").get("test_mode").asBoolean()).isTrue();
        assertThat(mailTo(readers).values()).allSatisfy(messages -> assertThat(messages).isEmpty());
        List<MimeMessage> qa = mailTo(List.of("qa-testmode@example.org")).get("qa-testmode@example.org");
        assertThat(qa).hasSize(1);
        assertThat(subject(qa.get(0))).startsWith("[TEST] ");

        Api.Reply preview = api.send("GET", "/api/v1/scheduler/executions/" + execution + "/newsletter", "application/json", null);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("testmode story 0");
    }

    /** (c) SMTP down: failed at send with a dead letter; SMTP back, replay: completed, each reader mailed once. */
    @Test
    void smtpDownFailsAtSendAndAReplayAfterItIsBackMailsEachReaderOnce() {
        String workspace = workspace("smtp-down");
        source(workspace, "rss", feeds.url("/feeds/smtpdown.xml"));
        List<String> readers = subscribers(workspace, "smtpdown", 3);
        String job = dailyJob(workspace, "");
        TopicReader deadLetters = TopicReader.atEnd(ServiceTopics.ACTION_SEND.deadLetterFor(Topics.NEWSLETTER_GENERATED).name());

        stopSmtp();
        String execution;
        try {
            execution = api.call("POST", "/api/v1/scheduler/" + job + "/run-now", null).get("execution_id").asString();
            JsonNode failed = api.awaitExecution(execution, Api.status("failed"), RUN);
            assertThat(failed.get("failed_stage").asString()).isEqualTo("send");
            assertThat(failed.get("error_code").asString()).isEqualTo("SMTP_UNAVAILABLE");
            assertThat(failed.get("generate_result").get("newsletter_id").asString()).isNotBlank();
            assertThat(deadLetters.await(record -> execution.equals(record.key()), 1, RUN)).hasSize(1);
        } finally {
            startSmtp();
        }

        JsonNode replay = api.call("POST", "/api/v1/scheduler/executions/" + execution + "/replay", null);
        assertThat(replay.get("stage").asString()).isEqualTo("send");
        JsonNode done = api.awaitExecution(execution, Api.status("completed"), RUN);
        assertThat(done.get("send_result").get("sent_count").asInt()).isEqualTo(3);
        assertThat(done.get("replay_count").asInt()).isEqualTo(1);
        assertThat(done.get("execution_log").toString()).contains("replay 1 of send requested");
        assertThat(api.send("POST", "/api/v1/scheduler/executions/" + execution + "/replay", "application/json", null).status())
                .isEqualTo(409);
        Map<String, List<MimeMessage>> mail = mailTo(readers);
        readers.forEach(reader -> assertThat(mail.get(reader)).as(reader).hasSize(1));
    }

    /** (d) A poison record on each topic goes to each reader's own dead-letter topic, and the pipeline goes on. */
    @Test
    void poisonOnEveryTopicGoesToEachConsumersDeadLetterTopicAndThePipelineKeepsGoing() {
        for (Topic topic : Topics.all()) {
            List<ServiceTopics> readers = ServiceTopics.all().stream().filter(service -> service.consumes().contains(topic)).toList();
            Map<String, TopicReader> deadLetters = new HashMap<>();
            readers.forEach(service -> deadLetters.put(service.consumerGroup(), TopicReader.atEnd(service.deadLetterFor(topic).name())));
            String key = UUID.randomUUID().toString();
            TopicWriter.send(topic.name(), key, "{\"envelope\": 42".getBytes(StandardCharsets.UTF_8));
            deadLetters.forEach((group, reader) -> assertThat(reader.await(record -> key.equals(record.key()), 1, RUN))
                    .as("%s's dead letter of %s", group, topic.name()).hasSize(1));
        }
        String workspace = workspace("after-poison");
        source(workspace, "rss", feeds.url("/feeds/afterpoison.xml"));
        subscribers(workspace, "afterpoison", 1);
        String execution = api.call("POST", "/api/v1/scheduler/" + dailyJob(workspace, "") + "/run-now", null)
                .get("execution_id").asString();
        api.awaitExecution(execution, Api.status("completed"), RUN);
    }

    /** (e) One feed failing makes a partial execution whose history names the source and its error. */
    @Test
    void aFailingFeedGivesAPartialExecutionWithTheSourcesError() {
        String workspace = workspace("partial");
        source(workspace, "rss", feeds.url("/feeds/partial.xml"));
        source(workspace, "rss", feeds.url("/broken.xml"));
        subscribers(workspace, "partial", 1);
        String job = dailyJob(workspace, "");
        String execution = api.call("POST", "/api/v1/scheduler/" + job + "/run-now", null).get("execution_id").asString();

        api.awaitExecution(execution, Api.status("partial"), RUN);
        JsonNode history = api.call("GET", "/api/v1/scheduler/" + job + "/history", null).get("executions").get(0);
        assertThat(history.get("status").asString()).isEqualTo("partial");
        assertThat(history.get("error_message").asString()).contains(feeds.url("/broken.xml")).contains("500");
        assertThat(history.get("scrape_result").get("sources").toString()).contains("\"outcome\":\"failed\"");
        assertThat(history.get("send_result").get("sent_count").asInt()).isEqualTo(1);
    }

    /** Every service's Prometheus endpoint, with its Kafka consumer lag. */
    @Test
    void everyServiceExposesItsConsumerLagToPrometheus() {
        Map<String, String> answers = new HashMap<>();
        ports.forEach((service, port) -> {
            Api.Reply metrics = new Api("http://localhost:" + port, null).send("GET", "/actuator/prometheus", "text/plain", null);
            answers.put(service, metrics.status() + (metrics.status() == 200
                    ? " lag:" + metrics.body().contains("kafka_consumer_fetch_manager_records_lag")
                    : new Api("http://localhost:" + port, null).send("GET", "/actuator", "text/plain", null).body()));
        });
        assertThat(answers).allSatisfy((service, answer) -> assertThat(answer).as(service).isEqualTo("200 lag:true"));
    }

    private static String workspace(String name) {
        return api.call("POST", "/api/v1/workspaces", "{\"name\": \"" + name + "\"}").get("id").asString();
    }

    private static void source(String workspace, String type, String url) {
        api.call("POST", "/api/v1/workspaces/" + workspace + "/sources",
                "{\"type\": \"" + type + "\", \"name\": \"" + url + "\", \"url\": \"" + url + "\"}");
    }

    private static List<String> subscribers(String workspace, String prefix, int count) {
        List<String> emails = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String email = prefix + "-reader" + i + "@example.org";
            api.call("POST", "/api/v1/workspaces/" + workspace + "/subscribers", "{\"email\": \"" + email + "\"}");
            emails.add(email);
        }
        return emails;
    }

    private static String dailyJob(String workspace, String extraConfig) {
        return api.call("POST", "/api/v1/scheduler", """
                {"workspace_id": "%s", "name": "daily", "schedule_type": "daily", "schedule_time": "03:00",
                 "config": {"sources": ["rss"], "max_items": 10, "days_back": 1%s}}"""
                .formatted(workspace, extraConfig.isEmpty() ? "" : ", " + extraConfig)).get("id").asString();
    }

    private static String awaitFirstExecution(String job) {
        Instant deadline = Instant.now().plus(RUN);
        while (Instant.now().isBefore(deadline)) {
            JsonNode executions = api.call("GET", "/api/v1/scheduler/" + job + "/history", null).get("executions");
            if (!executions.isEmpty()) {
                return executions.get(0).get("id").asString();
            }
            sleep(200);
        }
        throw new AssertionError("Job " + job + " never ran");
    }

    /** Every message received so far (by this SMTP server and those stopped before it), by recipient. */
    private static Map<String, List<MimeMessage>> mailTo(List<String> recipients) {
        Map<String, List<MimeMessage>> mail = new HashMap<>();
        recipients.forEach(r -> mail.put(r, new ArrayList<>()));
        List<MimeMessage> all = new ArrayList<>(earlierMail);
        all.addAll(List.of(smtp.getReceivedMessages()));
        for (MimeMessage message : all) {
            try {
                for (Address to : message.getAllRecipients()) {
                    String address = ((jakarta.mail.internet.InternetAddress) to).getAddress();
                    if (mail.containsKey(address)) {
                        mail.get(address).add(message);
                    }
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return mail;
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void stopSmtp() {
        earlierMail.addAll(List.of(smtp.getReceivedMessages()));
        smtp.stop();
    }

    private static void startSmtp() {
        smtp = new GreenMail(smtpSetup);
        smtp.start();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.pulse.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import dev.pulse.api.SchedulerApiApplication;
import dev.pulse.api.auth.TokenMinter;
import dev.pulse.generate.ActionGenerateApplication;
import dev.pulse.migrations.Migrations;
import dev.pulse.scrape.ActionScrapeApplication;
import dev.pulse.send.ActionSendApplication;
import dev.pulse.testsupport.FreePorts;
import dev.pulse.testsupport.KraftBroker;
import dev.pulse.testsupport.ServiceHealth;
import dev.pulse.ticker.TickerApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;

/**
 * Every service started first, before its broker, its database and its topics exist, as a deploy in the
 * wrong order does: each says DOWN with the reason while something is missing, each comes UP within
 * 30 s of it being there without a restart, and then the pipeline really works. Then the broker is
 * restarted under the running services. Its own broker and database (not the suite's shared ones), so
 * that they can be absent.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StartOrderTest {

    private static final String JWT_SECRET = "start-order-test-jwt-secret-0123456789abcdef";
    private static final String UNSUBSCRIBE_SECRET = "start-order-test-unsubscribe-secret-012345";
    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(30);
    private static final Duration ABSENT_FOR = Duration.ofSeconds(20);
    private static final List<String> USE_THE_DATABASE = List.of("scheduler-api", "action-scrape", "action-generate", "action-send");

    private static final Map<String, ConfigurableApplicationContext> services = new LinkedHashMap<>();
    private static final Map<String, Integer> ports = new LinkedHashMap<>();
    private static EmbeddedKafkaKraftBroker broker;
    private static String bootstrap;
    private static int postgresPort;
    private static EmbeddedPostgres postgres;
    private static GreenMail smtp;
    private static FeedServer feeds;
    private static Instant startedAt;

    @BeforeAll
    static void startTheServicesFirst() throws IOException {
        broker = KraftBroker.start();
        bootstrap = KraftBroker.bootstrapServers(broker);
        KraftBroker.stop(broker);
        postgresPort = FreePorts.one();
        feeds = FeedServer.start();
        smtp = new GreenMail(new ServerSetup(FreePorts.one(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        startedAt = Instant.now();
        start("scheduler-api", SchedulerApiApplication.class, "--pulse.api.jwt-secret=" + JWT_SECRET,
                "--pulse.api.unsubscribe-secret=" + UNSUBSCRIBE_SECRET);
        start("ticker", TickerApplication.class, "--pulse.ticker.state-dir=target/ticker-state-" + UUID.randomUUID(),
                // its own jar has no JDBC; in this JVM the others' is on the classpath
                "--spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
        start("action-scrape", ActionScrapeApplication.class, "--pulse.scrape.fetch.allowed-networks=127.0.0.0/8");
        start("action-generate", ActionGenerateApplication.class);
        start("action-send", ActionSendApplication.class, "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--pulse.send.unsubscribe.api-base-url=http://localhost:" + ports.get("scheduler-api"),
                "--pulse.send.unsubscribe.secret=" + UNSUBSCRIBE_SECRET);
    }

    @AfterAll
    static void stopEverything() throws IOException {
        List<ConfigurableApplicationContext> running = new ArrayList<>(services.values());
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        if (broker != null) {
            broker.destroy();
        }
        if (postgres != null) {
            postgres.close();
        }
        smtp.stop();
        feeds.close();
    }

    @Test
    @Order(1)
    void withNoBrokerAndNoDatabaseEveryServiceIsDownAndSaysWhy() {
        for (String service : services.keySet()) {
            ServiceHealth health = ServiceHealth.of(ports.get(service));
            assertThat(health.httpStatus()).as("%s: %s", service, health.body()).isEqualTo(503);
            JsonNode kafka = health.body().path("components").path("kafka");
            assertThat(kafka.path("status").asString()).as(service).isEqualTo("DOWN");
            assertThat(kafka.path("details").path("reason").asString()).as(service)
                    .isEqualTo("no Kafka broker answers at " + bootstrap + " within 3000 ms");
            if (USE_THE_DATABASE.contains(service)) {
                JsonNode db = health.body().path("components").path("db");
                assertThat(db.path("status").asString()).as(service).isEqualTo("DOWN");
                assertThat(db.toString()).as("%s names the database it cannot reach", service)
                        .contains("localhost:" + postgresPort);
            }
        }
        JsonNode streams = ServiceHealth.of(ports.get("ticker")).body().path("components").path("streams");
        assertThat(streams.path("status").asString()).isEqualTo("DOWN");
        assertThat(streams.path("details").path("waitingFor").asString()).startsWith("a Kafka broker at " + bootstrap);
    }

    @Test
    @Order(2)
    void onceTheBrokerIsThereTheirKafkaSideComesUpAndTheDatabaseIsStillNamed() throws Exception {
        sleepUntil(startedAt.plus(ABSENT_FOR));
        KraftBroker.startAgain(broker);
        Instant brokerBack = Instant.now();

        awaitHealth("ticker", health -> health.httpStatus() == 200, brokerBack);
        for (String service : USE_THE_DATABASE) {
            awaitHealth(service, health -> health.component("kafka").equals("UP"), brokerBack);
            ServiceHealth health = ServiceHealth.of(ports.get(service));
            assertThat(health.httpStatus()).as("%s without its database: %s", service, health.body()).isEqualTo(503);
            assertThat(health.component("db")).as(service).isEqualTo("DOWN");
        }
    }

    @Test
    @Order(3)
    void onceTheDatabaseIsThereEveryServiceIsUpAndARunMailsItsSubscribers() throws Exception {
        postgres = EmbeddedPostgres.builder().setPort(postgresPort).start();
        Migrations.apply(postgres.getPostgresDatabase());
        Instant databaseBack = Instant.now();
        for (String service : services.keySet()) {
            awaitHealth(service, health -> health.httpStatus() == 200, databaseBack);
        }
        runMailsEveryone("after-start");
    }

    @Test
    @Order(4)
    void aBrokerRestartedUnderTheRunningServicesLeavesThemUpAndWorking() throws Exception {
        KraftBroker.restart(broker);
        Instant restarted = Instant.now();
        for (String service : services.keySet()) {
            awaitHealth(service, health -> health.httpStatus() == 200, restarted);
        }
        runMailsEveryone("after-broker-restart");
    }

    /** A run-now of a fresh job: completed, and each of its two readers mailed once. */
    private static void runMailsEveryone(String name) {
        Api api = new Api("http://localhost:" + ports.get("scheduler-api"),
                new TokenMinter(JWT_SECRET).mint(UUID.randomUUID(), name + "@example.org", Duration.ofHours(1)));
        String workspace = api.call("POST", "/api/v1/workspaces", "{\"name\": \"" + name + "\"}").get("id").asString();
        String feed = feeds.url("/feeds/" + name + ".xml");
        api.call("POST", "/api/v1/workspaces/" + workspace + "/sources",
                "{\"type\": \"rss\", \"name\": \"" + name + "\", \"url\": \"" + feed + "\"}");
        List<String> readers = List.of(name + "-1@example.org", name + "-2@example.org");
        readers.forEach(reader -> api.call("POST", "/api/v1/workspaces/" + workspace + "/subscribers",
                "{\"email\": \"" + reader + "\"}"));
        String job = api.call("POST", "/api/v1/scheduler", """
                {"workspace_id": "%s", "name": "daily", "schedule_type": "daily", "schedule_time": "03:00",
                 "config": {"sources": ["rss"], "max_items": 10, "days_back": 1}}""".formatted(workspace)).get("id").asString();
        String execution = api.call("POST", "/api/v1/scheduler/" + job + "/run-now", null).get("execution_id").asString();
        JsonNode done = api.awaitExecution(execution, Api.status("completed"), Duration.ofSeconds(90));
        assertThat(done.get("send_result").get("sent_count").asInt()).isEqualTo(2);
        for (String reader : readers) {
            long received = java.util.Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
                try {
                    return java.util.Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().contains(reader));
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).count();
            assertThat(received).as(reader).isEqualTo(1);
        }
    }

    private static void awaitHealth(String service, Predicate<ServiceHealth> healthy, Instant since) throws InterruptedException {
        Instant deadline = since.plus(HEALTHY_WITHIN);
        ServiceHealth health = ServiceHealth.of(ports.get(service));
        while (!healthy.test(health)) {
            assertThat(Instant.now()).as("%s healthy within %s; last said %s", service, HEALTHY_WITHIN, health.body())
                    .isBefore(deadline);
            Thread.sleep(250);
            health = ServiceHealth.of(ports.get(service));
        }
    }

    private static void start(String name, Class<?> application, String... args) {
        List<String> all = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + bootstrap,
                "--spring.datasource.url=jdbc:postgresql://localhost:" + postgresPort + "/postgres",
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
        all.addAll(List.of(args));
        ConfigurableApplicationContext context = InProcessService.start(application, all);
        services.put(name, context);
        ports.put(name, InProcessService.port(context));
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}

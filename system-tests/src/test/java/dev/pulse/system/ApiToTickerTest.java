package dev.pulse.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.pulse.api.SchedulerApiApplication;
import dev.pulse.api.auth.TokenMinter;
import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.Trigger;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.testsupport.TopicReader;
import dev.pulse.testsupport.WithKafka;
import dev.pulse.testsupport.WithPostgres;
import dev.pulse.ticker.TickerApplication;
import dev.pulse.ticker.config.TickerStreams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API and the ticker as they run in production, on one broker and one database: jobs of every
 * schedule type are created, edited, paused and resumed over HTTP, and each fires once, at exactly the
 * next_run_at the API announced, beside every-minute jobs on the same partitions.
 */
@WithKafka
@WithPostgres
class ApiToTickerTest {

    private static final String JWT_SECRET = "system-test-jwt-secret-0123456789abcdefghij";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final MessageCodec CODEC = new MessageCodec();

    private static ConfigurableApplicationContext api;
    private static ConfigurableApplicationContext ticker;
    private static String baseUrl;
    private static String token;

    @BeforeAll
    static void startApiAndTicker() {
        api = new SpringApplicationBuilder(SchedulerApiApplication.class).run(OwnConfiguration.of(SchedulerApiApplication.class),
                "--server.port=0",
                "--pulse.api.jwt-secret=" + JWT_SECRET, "--pulse.api.unsubscribe-secret=system-test-unsubscribe-secret-0123456789ab");
        ticker = new SpringApplicationBuilder(TickerApplication.class).run(OwnConfiguration.of(TickerApplication.class),
                "--server.port=0",
                "--pulse.ticker.state-dir=target/ticker-state-" + UUID.randomUUID());
        awaitRunning(ticker.getBean(TickerStreams.class));
        baseUrl = "http://localhost:" + api.getEnvironment().getProperty("local.server.port");
        token = new TokenMinter(JWT_SECRET).mint(UUID.randomUUID(), "system@example.org", Duration.ofHours(1));
    }

    /** Started is not yet running: partitions are assigned and state restored first. */
    private static void awaitRunning(TickerStreams streams) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (streams.state() != KafkaStreams.State.RUNNING) {
            assertThat(Instant.now()).as("ticker running within a minute, now %s", streams.state()).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @AfterAll
    static void stop() {
        if (ticker != null) {
            ticker.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void everyScheduleTypeFiresOnceAtTheInstantTheApiAnnounced() {
        TopicReader due = TopicReader.atEnd(Topics.JOB_DUE.name());
        String workspace = call("POST", "/api/v1/workspaces", "{\"name\": \"system\"}").get("id").asString();

        // a wall time at least 40 s away, so the jobs are in place before it comes
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        ZonedDateTime wall = ZonedDateTime.now(kolkata).plusSeconds(40).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        String time = wall.format(DateTimeFormatter.ofPattern("HH:mm"));
        String today = wall.getDayOfWeek().name().toLowerCase(Locale.ROOT);
        Instant soon = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);

        List<String> schedules = new ArrayList<>(List.of(
                "\"schedule_type\": \"daily\", \"schedule_time\": \"" + time + "\", \"timezone\": \"Asia/Kolkata\"",
                "\"schedule_type\": \"weekly\", \"schedule_days\": [\"" + today + "\"], \"schedule_time\": \"" + time
                        + "\", \"timezone\": \"Asia/Kolkata\"",
                "\"schedule_type\": \"custom\", \"interval_minutes\": 90, \"anchor_at\": \"" + soon + "\"",
                "\"schedule_type\": \"custom\", \"interval_hours\": 2, \"anchor_at\": \"" + soon.plusSeconds(5) + "\"",
                "\"schedule_type\": \"cron\", \"cron_expression\": \"" + wall.getMinute() + " " + wall.getHour()
                        + " * * *\", \"timezone\": \"Asia/Kolkata\""));
        for (String zone : List.of("UTC", "America/New_York", "Australia/Adelaide", "Europe/London", "Pacific/Chatham")) {
            schedules.add("\"schedule_type\": \"cron\", \"cron_expression\": \"* * * * *\", \"timezone\": \"" + zone + "\"");
            schedules.add("\"schedule_type\": \"custom\", \"interval_minutes\": 1, \"anchor_at\": \"" + soon + "\"");
        }

        Map<UUID, Instant> announced = new HashMap<>();
        for (String schedule : schedules) {
            JsonNode job = call("POST", "/api/v1/scheduler", "{\"workspace_id\": \"%s\", \"name\": \"%s\", %s}"
                    .formatted(workspace, UUID.randomUUID(), schedule));
            String id = job.get("id").asString();
            // what once broke the ticker: a name-only update, and pause then resume, of every type
            call("PUT", "/api/v1/scheduler/" + id, "{\"name\": \"renamed " + id + "\"}");
            call("POST", "/api/v1/scheduler/" + id + "/pause", null);
            JsonNode resumed = call("POST", "/api/v1/scheduler/" + id + "/resume", null);
            announced.put(UUID.fromString(id), Instant.parse(resumed.get("next_run_at").asString()));
        }
        Instant last = announced.values().stream().max(Instant::compareTo).orElseThrow();
        assertThat(last).as("every job runs within three minutes").isBefore(Instant.now().plusSeconds(180));

        Duration wait = Duration.between(Instant.now(), last).plusSeconds(30);
        List<ConsumerRecord<String, byte[]>> fired = due.await(record -> isFirstRun(record, announced), announced.size(), wait);

        Set<UUID> firedJobs = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : fired) {
            JobDue message = CODEC.decode(record.value(), JobDue.class);
            assertThat(firedJobs.add(message.envelope().jobId())).as("fired once: %s", message.envelope().jobId()).isTrue();
            assertThat(message.envelope().trigger()).isEqualTo(Trigger.SCHEDULE);
            assertThat(message.nextScheduledFor()).isAfter(message.scheduledFor());
            assertThat(Duration.between(message.scheduledFor(), Instant.ofEpochMilli(record.timestamp())))
                    .as("published close to its instant").isLessThan(Duration.ofSeconds(5));
        }
        assertThat(firedJobs).containsExactlyInAnyOrderElementsOf(announced.keySet());
    }

    private static boolean isFirstRun(ConsumerRecord<String, byte[]> record, Map<UUID, Instant> announced) {
        JobDue message = CODEC.decode(record.value(), JobDue.class);
        return message.scheduledFor().equals(announced.get(message.envelope().jobId()));
    }

    private static JsonNode call(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 201);
            return JSON.readTree(response.body()).get("data");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.JobChanged;
import dev.pulse.contracts.messages.JobStatus;
import dev.pulse.contracts.schedule.ScheduleCalculator;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.testsupport.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * Every schedule type survives every round trip through the database and the jobs topic: what was
 * created is what GET, a name-only PUT, pause and resume return, and what the ticker receives — and the
 * ticker's engine can schedule every snapshot the API publishes.
 */
class ScheduleRoundTripTest extends ApiTest {

    private static final List<String> SCHEDULE_FIELDS = List.of("schedule_type", "schedule_time", "schedule_days",
            "interval_minutes", "anchor_at", "cron_expression", "timezone");

    private final MessageCodec codec = new MessageCodec();
    private final ScheduleCalculator calculator = new ScheduleCalculator();

    static List<Arguments> schedules() {
        return List.of(
                Arguments.of("daily", "\"schedule_type\": \"daily\", \"schedule_time\": \"06:45\", \"timezone\": \"Asia/Kolkata\""),
                Arguments.of("weekly", "\"schedule_type\": \"weekly\", \"schedule_days\": [\"monday\", \"thursday\"], "
                        + "\"schedule_time\": \"10:00\", \"timezone\": \"UTC\""),
                Arguments.of("custom minutes", "\"schedule_type\": \"custom\", \"interval_minutes\": 90, "
                        + "\"anchor_at\": \"2026-01-01T06:00:00Z\", \"timezone\": \"Europe/Berlin\""),
                Arguments.of("custom hours", "\"schedule_type\": \"custom\", \"interval_hours\": 6"),
                Arguments.of("cron", "\"schedule_type\": \"cron\", \"cron_expression\": \"30 7 * * MON-FRI\", "
                        + "\"timezone\": \"America/New_York\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void everyScheduleFieldSurvivesCreateGetPutPauseResume(String what, String schedule) {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        TopicReader published = TopicReader.atEnd(Topics.JOBS.name());

        ApiClient.Reply created = owner.post("/api/v1/scheduler", "{\"workspace_id\": \"%s\", \"name\": \"%s\", %s}"
                .formatted(workspace, what, schedule));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode original = created.data();
        String id = original.get("id").asString();
        if (what.startsWith("custom")) {
            assertThat(original.get("interval_minutes").asLong()).isEqualTo(what.endsWith("hours") ? 360 : 90);
            assertThat(Instant.parse(original.get("anchor_at").asString()).getNano()).as("whole seconds").isZero();
        }

        assertSameSchedule(owner.get("/api/v1/scheduler/" + id), original);
        ApiClient.Reply renamed = owner.put("/api/v1/scheduler/" + id, "{\"name\": \"" + what + " renamed\"}");
        assertSameSchedule(renamed, original);
        assertThat(renamed.data().get("name").asString()).isEqualTo(what + " renamed");
        ApiClient.Reply paused = owner.post("/api/v1/scheduler/" + id + "/pause", null);
        assertSameSchedule(paused, original);
        ApiClient.Reply resumed = owner.post("/api/v1/scheduler/" + id + "/resume", null);
        assertSameSchedule(resumed, original);
        assertThat(Instant.parse(resumed.data().get("next_run_at").asString())).isAfter(Instant.now());
        assertSameSchedule(owner.get("/api/v1/scheduler/" + id), original);

        List<ConsumerRecord<String, byte[]>> snapshots = published.await(r -> r.key().equals(id), 4, Duration.ofSeconds(20));
        assertThat(snapshots).hasSize(4);
        List<JobChanged> changes = snapshots.stream().map(r -> codec.decode(r.value(), JobChanged.class)).toList();
        assertThat(changes).extracting(c -> c.job().schedule()).as("every version carries the same schedule")
                .containsOnly(changes.get(0).job().schedule());
        assertThat(changes).extracting(c -> c.job().status())
                .containsExactly(JobStatus.ACTIVE, JobStatus.ACTIVE, JobStatus.PAUSED, JobStatus.ACTIVE);
        for (JobChanged change : changes) {
            assertThat(calculator.next(change.job().schedule(), Instant.now()))
                    .as("the ticker can schedule version %d", change.version()).isAfter(Instant.now());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 30 2 *", "0 9 31 4 *"})
    void aCronThatNeverRunsIsA400OnCreateUpdateAndPreview(String never) {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        String cron = "\"schedule_type\": \"cron\", \"cron_expression\": \"" + never + "\"";

        ApiClient.Reply create = owner.post("/api/v1/scheduler", "{\"workspace_id\": \"%s\", \"name\": \"%s\", %s}"
                .formatted(workspace, UUID.randomUUID(), cron));
        assertNamesCron(create);
        String job = createDaily(owner, workspace, "to break");
        assertNamesCron(owner.put("/api/v1/scheduler/" + job, "{" + cron + "}"));
        assertNamesCron(owner.put("/api/v1/scheduler/" + job, "{\"cron_expression\": \"" + never + "\", \"schedule_type\": \"cron\"}"));
        assertNamesCron(owner.post("/api/v1/scheduler/preview", "{" + cron + "}"));
        assertThat(owner.get("/api/v1/scheduler/" + job).data().get("schedule_type").asString()).as("unchanged").isEqualTo("daily");
    }

    private static void assertNamesCron(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("validation_failed");
        assertThat(reply.details().path("cron_expression").asString()).contains("never runs");
    }

    private static void assertSameSchedule(ApiClient.Reply reply, JsonNode original) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        for (String field : SCHEDULE_FIELDS) {
            assertThat(reply.data().get(field)).as(field).isEqualTo(original.get(field));
        }
    }
}

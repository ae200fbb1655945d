package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.Trigger;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.testsupport.TopicReader;
import tools.jackson.databind.JsonNode;

/** The sprint document's testing plan, and what each endpoint promises, over real HTTP. */
class JobApiTest extends ApiTest {

    private final MessageCodec codec = new MessageCodec();

    @Test
    void createListRunNowInTestModeAndReadHistory() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);

        // Step 1: create
        ApiClient.Reply created = owner.post("/api/v1/scheduler", """
                {"workspace_id": "%s", "name": "Test Daily Job", "schedule_type": "daily", "schedule_time": "09:00",
                 "actions": ["scrape", "generate", "send"]}""".formatted(workspace));
        assertThat(created.status()).isEqualTo(201);
        JsonNode job = created.data();
        String jobId = job.get("id").asString();
        assertThat(job.get("name").asString()).isEqualTo("Test Daily Job");
        assertThat(job.get("schedule_time").asString()).isEqualTo("09:00");
        assertThat(job.get("timezone").asString()).isEqualTo("UTC");
        assertThat(job.get("status").asString()).isEqualTo("active");
        assertThat(job.get("is_enabled").asBoolean()).isTrue();
        Instant next = Instant.parse(job.get("next_run_at").asString());
        assertThat(next).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofDays(1)));
        assertThat(next.toString()).endsWith("T09:00:00Z");
        assertThat(created.json().get("success").asBoolean()).isTrue();
        assertThat(created.json().get("error").isNull()).isTrue();

        // Step 2: list
        ApiClient.Reply listed = owner.get("/api/v1/scheduler/workspaces/" + workspace);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.data().get("count").asInt()).isEqualTo(1);
        assertThat(listed.data().get("workspace_id").asString()).isEqualTo(workspace);
        assertThat(listed.data().get("jobs").get(0).get("id").asString()).isEqualTo(jobId);

        // Step 3: run now in test mode
        TopicReader jobDue = TopicReader.atEnd(Topics.JOB_DUE.name());
        ApiClient.Reply run = owner.post("/api/v1/scheduler/" + jobId + "/run-now", "{\"test_mode\": true}");
        assertThat(run.status()).as(run.text()).isEqualTo(200);
        String executionId = run.data().get("execution_id").asString();
        assertThat(run.data().get("test_mode").asBoolean()).isTrue();
        assertThat(run.data().get("status").asString()).isEqualTo("pending");
        assertThat(run.data().get("message").asString()).isEqualTo("Job execution started in test mode");

        List<ConsumerRecord<String, byte[]>> due = jobDue.await(record -> record.key().equals(executionId), 1, Duration.ofSeconds(15));
        assertThat(due).hasSize(1);
        JobDue message = codec.decode(due.get(0).value(), JobDue.class);
        assertThat(message.envelope().trigger()).isEqualTo(Trigger.MANUAL);
        assertThat(message.envelope().testMode()).isTrue();
        assertThat(message.envelope().jobId()).isEqualTo(UUID.fromString(jobId));
        assertThat(message.envelope().plan().actions()).containsExactly(Action.SCRAPE, Action.GENERATE, Action.SEND);

        // Step 4: history
        ApiClient.Reply history = owner.get("/api/v1/scheduler/" + jobId + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.data().get("count").asInt()).isEqualTo(1);
        assertThat(history.data().get("job_id").asString()).isEqualTo(jobId);
        JsonNode execution = history.data().get("executions").get(0);
        assertThat(execution.get("id").asString()).isEqualTo(executionId);
        assertThat(execution.get("trigger").asString()).isEqualTo("manual");
        // The tracker folds the JobDue as soon as it reads it: pending until then, running after.
        assertThat(execution.get("status").asString()).isIn("pending", "running");
        assertThat(execution.get("test_mode").asBoolean()).isTrue();

        ApiClient.Reply activities = owner.get("/api/v1/scheduler/workspaces/" + workspace + "/activities?limit=10");
        assertThat(activities.data().get("count").asInt()).isEqualTo(1);
        JsonNode activity = activities.data().get("activities").get(0);
        assertThat(activity.get("id").asString()).isEqualTo(executionId);
        assertThat(activity.get("type").asString()).isEqualTo("execution_started");
        assertThat(activity.get("title").asString()).isIn("Test Daily Job: run requested", "Test Daily Job: running");
        assertThat(activity.get("description").asString()).isEqualTo("Manual run in test mode");
        assertThat(activity.get("status").asString()).isIn("pending", "running");
        assertThat(activity.get("timestamp").isNull()).isFalse();
    }

    @Test
    void statsComeFromTheExecutions() {
        ApiClient owner = newUser();
        String jobId = createDaily(owner, workspace(owner), "stats");
        assertThat(owner.get("/api/v1/scheduler/" + jobId + "/stats").data().get("total_executions").asInt()).isZero();
        owner.post("/api/v1/scheduler/" + jobId + "/run-now", null);
        owner.post("/api/v1/scheduler/" + jobId + "/run-now", "{}");
        JsonNode stats = owner.get("/api/v1/scheduler/" + jobId + "/stats").data();
        assertThat(stats.get("total_executions").asInt()).isEqualTo(2);
        assertThat(stats.get("successful").asInt()).isZero();
        assertThat(stats.get("failed").asInt()).isZero();
        assertThat(stats.get("partial").asInt()).isZero();
        assertThat(stats.get("missed").asInt()).isZero();
        assertThat(stats.get("success_rate").asDouble()).isZero();
        assertThat(stats.get("last_execution_at").isNull()).isFalse();
    }

    @Test
    void pauseAndResumeKeepStatusAndEnabledInStep() {
        ApiClient owner = newUser();
        String jobId = createDaily(owner, workspace(owner), "pausable");
        JsonNode paused = owner.post("/api/v1/scheduler/" + jobId + "/pause", null).data();
        assertThat(paused.get("status").asString()).isEqualTo("paused");
        assertThat(paused.get("is_enabled").asBoolean()).isFalse();
        assertThat(paused.get("next_run_at").isNull()).isTrue();
        assertThat(owner.post("/api/v1/scheduler/" + jobId + "/pause", null).data().get("version").asLong())
                .as("pausing twice changes nothing").isEqualTo(paused.get("version").asLong());

        JsonNode resumed = owner.post("/api/v1/scheduler/" + jobId + "/resume", null).data();
        assertThat(resumed.get("status").asString()).isEqualTo("active");
        assertThat(resumed.get("is_enabled").asBoolean()).isTrue();
        assertThat(Instant.parse(resumed.get("next_run_at").asString())).isAfter(Instant.now());
    }

    @Test
    void updateReplacesOnlyTheFieldsGiven() {
        ApiClient owner = newUser();
        String jobId = createDaily(owner, workspace(owner), "to update");
        ApiClient.Reply updated = owner.put("/api/v1/scheduler/" + jobId,
                "{\"schedule_type\": \"weekly\", \"schedule_days\": [\"monday\", \"friday\"], \"config\": {\"tone\": \"casual\"}}");
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        JsonNode job = updated.data();
        assertThat(job.get("schedule_type").asString()).isEqualTo("weekly");
        assertThat(job.get("schedule_time").asString()).as("kept").isEqualTo("08:00");
        assertThat(job.get("schedule_days").toString()).isEqualTo("[\"monday\",\"friday\"]");
        assertThat(job.get("config").get("tone").asString()).isEqualTo("casual");
        assertThat(job.get("name").asString()).isEqualTo("to update");
        assertThat(job.get("version").asLong()).isEqualTo(2);
        assertThat(Instant.parse(job.get("next_run_at").asString()).atZone(java.time.ZoneId.of("America/New_York"))
                .getDayOfWeek()).isIn(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY);
    }

    @Test
    void everyScheduleTypeCanBeCreated() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        for (String schedule : List.of(
                "\"schedule_type\": \"cron\", \"cron_expression\": \"0 8 * * MON-FRI\", \"timezone\": \"Europe/London\"",
                "\"schedule_type\": \"custom\", \"interval_hours\": 6, \"anchor_at\": \"2026-01-01T06:00:00Z\"",
                "\"schedule_type\": \"custom\", \"interval_minutes\": 1",
                "\"schedule_type\": \"weekly\", \"schedule_days\": [\"sunday\"], \"schedule_time\": \"23:59\"")) {
            ApiClient.Reply reply = owner.post("/api/v1/scheduler", "{\"workspace_id\": \"%s\", \"name\": \"%s\", %s, \"actions\": [\"generate\", \"send\"]}"
                    .formatted(workspace, UUID.randomUUID(), schedule));
            assertThat(reply.status()).as(reply.text()).isEqualTo(201);
            assertThat(reply.data().get("next_run_at").isNull()).isFalse();
        }
    }

    @Test
    void deleteRemovesTheJob() {
        ApiClient owner = newUser();
        String jobId = createDaily(owner, workspace(owner), "doomed");
        ApiClient.Reply deleted = owner.delete("/api/v1/scheduler/" + jobId);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.data().get("deleted").asBoolean()).isTrue();
        assertThat(deleted.data().get("job_id").asString()).isEqualTo(jobId);
        assertThat(owner.get("/api/v1/scheduler/" + jobId).status()).isEqualTo(404);
        assertThat(owner.delete("/api/v1/scheduler/" + jobId).status()).isEqualTo(404);
    }

    @Test
    void previewShowsInstantsWithOffsetsAroundDst() {
        ApiClient user = newUser();
        ApiClient.Reply reply = user.post("/api/v1/scheduler/preview", """
                {"schedule_type": "daily", "schedule_time": "02:30", "timezone": "America/New_York",
                 "from": "2026-03-06T00:00:00-05:00", "count": 3}""");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.data().get("instants").toString()).isEqualTo(
                "[\"2026-03-06T02:30:00-05:00\",\"2026-03-07T02:30:00-05:00\",\"2026-03-08T03:30:00-04:00\"]");
    }

    @Test
    void metacharactersInNamesAreStoredAndReturnedVerbatim() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        String name = "Robert'); DROP TABLE scheduler_jobs;-- <script>alert(\"x\")</script> & ü";
        ApiClient.Reply reply = owner.post("/api/v1/scheduler", DAILY.formatted(workspace, name.replace("\"", "\\\"")));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        String id = reply.data().get("id").asString();
        assertThat(owner.get("/api/v1/scheduler/" + id).data().get("name").asString()).isEqualTo(name);
        assertThat(new String(reply.text().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).contains("DROP TABLE");
    }
}

package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The original scheduler's wire contract (its models' shapes, names and defaults), which its clients
 * rely on: the sprint's use cases posted as written, and every shape the original answered with.
 */
class SprintContractTest extends ApiTest {

    /** Use case 1 as the sprint writes it: {@code sources} are types of the workspace's sources. */
    private static final String USE_CASE_1 = """
            {
              "name": "Daily AI Digest",
              "schedule_type": "daily",
              "schedule_time": "08:00",
              "timezone": "America/New_York",
              "actions": ["scrape", "generate", "send"],
              "config": {
                "max_items": 10,
                "days_back": 1,
                "sources": ["reddit", "rss"]
              }
            }""";

    private static final String USE_CASE_2 = """
            {
              "name": "Weekly AI Roundup",
              "schedule_type": "weekly",
              "schedule_days": ["monday"],
              "schedule_time": "10:00",
              "timezone": "UTC",
              "actions": ["scrape", "generate", "send"],
              "config": {
                "max_items": 20,
                "days_back": 7,
                "tone": "professional"
              }
            }""";

    private static final String USE_CASE_3 = """
            {
              "name": "Test Newsletter",
              "schedule_type": "daily",
              "schedule_time": "12:00",
              "actions": ["scrape", "generate"],
              "config": {
                "max_items": 5,
                "test_mode": true
              }
            }""";

    private static final List<String> JOB_FIELDS = List.of("id", "workspace_id", "name", "description", "schedule_type",
            "schedule_time", "schedule_days", "cron_expression", "timezone", "actions", "config", "status", "is_enabled",
            "last_run_at", "last_run_status", "last_error", "next_run_at", "total_runs", "successful_runs", "failed_runs",
            "created_by", "created_at", "updated_at");

    private static final List<String> EXECUTION_FIELDS = List.of("id", "job_id", "workspace_id", "started_at",
            "completed_at", "duration_seconds", "status", "actions_performed", "scrape_result", "generate_result",
            "send_result", "error_message", "error_details", "execution_log", "created_at");

    @Test
    void theThreeUseCasesAreCreatedAsWritten() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);

        JsonNode daily = create(owner, workspace, USE_CASE_1);
        assertThat(Instant.parse(daily.get("next_run_at").asString()).atZone(ZoneId.of("America/New_York")).toLocalTime())
                .hasToString("08:00");
        assertThat(daily.get("config").get("max_items").asInt()).isEqualTo(10);
        assertThat(daily.get("config").get("sources").toString()).as("as written").isEqualTo("[\"reddit\",\"rss\"]");

        JsonNode weekly = create(owner, workspace, USE_CASE_2);
        Instant monday = Instant.parse(weekly.get("next_run_at").asString());
        assertThat(monday.atZone(ZoneId.of("UTC")).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(monday.toString()).endsWith("T10:00:00Z");
        assertThat(weekly.get("config").get("tone").asString()).isEqualTo("professional");

        JsonNode test = create(owner, workspace, USE_CASE_3);
        assertThat(test.get("timezone").asString()).as("default").isEqualTo("UTC");
        assertThat(test.get("actions").toString()).isEqualTo("[\"scrape\",\"generate\"]");
        assertThat(test.get("config").get("test_mode").asBoolean()).isTrue();

        JsonNode listed = owner.get("/api/v1/scheduler/workspaces/" + workspace).data();
        assertThat(listed.get("count").asInt()).isEqualTo(3);
        assertThat(listed.get("jobs")).extracting(job -> job.get("name").asString()).as("newest first")
                .containsExactly("Test Newsletter", "Weekly AI Roundup", "Daily AI Digest");
    }

    @Test
    void aJobHasEveryFieldOfTheOriginalAndItsDefaults() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        JsonNode job = create(owner, workspace, "{\"name\": \"defaults\", \"schedule_type\": \"daily\"}");
        assertThat(job.propertyNames()).containsAll(JOB_FIELDS);
        assertThat(job.get("schedule_time").asString()).isEqualTo("08:00");
        assertThat(job.get("timezone").asString()).isEqualTo("UTC");
        assertThat(job.get("actions").toString()).isEqualTo("[\"scrape\",\"generate\",\"send\"]");
        assertThat(job.get("status").asString()).isEqualTo("active");
        assertThat(job.get("is_enabled").asBoolean()).isTrue();
        assertThat(job.get("last_run_status").isNull()).isTrue();
        assertThat(job.get("last_error").isNull()).isTrue();
        assertThat(job.get("total_runs").asInt()).isZero();
        assertThat(job.get("created_by").asString()).isEqualTo(owner.user.toString());
    }

    @Test
    void isEnabledFalseCreatesADisabledJobThatDoesNotRun() {
        ApiClient owner = newUser();
        JsonNode job = create(owner, workspace(owner), "{\"name\": \"off\", \"schedule_type\": \"daily\", \"is_enabled\": false}");
        assertThat(job.get("status").asString()).isEqualTo("disabled");
        assertThat(job.get("is_enabled").asBoolean()).isFalse();
        assertThat(job.get("next_run_at").isNull()).isTrue();
    }

    @Test
    void statusAndIsEnabledOnUpdateChangeWhetherTheJobRuns() {
        ApiClient owner = newUser();
        String id = createDaily(owner, workspace(owner), "switchable");
        String path = "/api/v1/scheduler/" + id;

        JsonNode disabled = owner.put(path, "{\"is_enabled\": false}").data();
        assertThat(disabled.get("status").asString()).isEqualTo("disabled");
        assertThat(disabled.get("next_run_at").isNull()).isTrue();

        JsonNode enabled = owner.put(path, "{\"is_enabled\": true}").data();
        assertThat(enabled.get("status").asString()).isEqualTo("active");
        assertThat(Instant.parse(enabled.get("next_run_at").asString())).isAfter(Instant.now());

        JsonNode paused = owner.put(path, "{\"status\": \"paused\", \"schedule_time\": \"09:15\"}").data();
        assertThat(paused.get("status").asString()).isEqualTo("paused");
        assertThat(paused.get("is_enabled").asBoolean()).isFalse();
        assertThat(paused.get("schedule_time").asString()).isEqualTo("09:15");
        assertThat(paused.get("next_run_at").isNull()).isTrue();
        assertThat(owner.put(path, "{\"is_enabled\": false}").data().get("status").asString())
                .as("a paused job stays paused").isEqualTo("paused");

        JsonNode active = owner.put(path, "{\"status\": \"active\", \"is_enabled\": true}").data();
        assertThat(active.get("status").asString()).isEqualTo("active");
        assertThat(Instant.parse(active.get("next_run_at").asString()).atZone(ZoneId.of("America/New_York")).toLocalTime())
                .hasToString("09:15");
    }

    @Test
    void theOriginalsShapesForRunNowHistoryStatsAndDelete() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        String id = createDaily(owner, workspace, "shapes");

        JsonNode run = owner.post("/api/v1/scheduler/" + id + "/run-now", "{}").data();
        assertThat(run.propertyNames()).contains("execution_id", "job_id", "status", "message");
        assertThat(run.get("message").asString()).isEqualTo("Job execution started");

        JsonNode history = owner.get("/api/v1/scheduler/" + id + "/history?limit=50").data();
        assertThat(history.propertyNames()).contains("executions", "count", "job_id");
        JsonNode execution = history.get("executions").get(0);
        assertThat(execution.propertyNames()).containsAll(EXECUTION_FIELDS);
        assertThat(execution.get("workspace_id").asString()).isEqualTo(workspace);
        assertThat(execution.get("actions_performed").isEmpty()).as("nothing ran yet").isTrue();
        assertThat(execution.get("execution_log").isArray()).isTrue();

        JsonNode stats = owner.get("/api/v1/scheduler/" + id + "/stats").data();
        assertThat(stats.propertyNames()).contains("total_executions", "successful", "failed", "partial", "success_rate",
                "avg_duration_seconds", "last_execution_at");

        JsonNode activities = owner.get("/api/v1/scheduler/workspaces/" + workspace + "/activities").data();
        assertThat(activities.propertyNames()).contains("activities", "count", "workspace_id");
        assertThat(activities.get("activities").get(0).propertyNames()).contains("id", "type", "title", "description",
                "timestamp", "status");

        JsonNode deleted = owner.delete("/api/v1/scheduler/" + id).data();
        assertThat(deleted.get("deleted").asBoolean()).isTrue();
        assertThat(deleted.get("job_id").asString()).isEqualTo(id);
    }

    private static JsonNode create(ApiClient owner, String workspace, String body) {
        String withWorkspace = "{\"workspace_id\": \"" + workspace + "\", " + body.strip().substring(1);
        ApiClient.Reply reply = owner.post("/api/v1/scheduler", withWorkspace);
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.data();
    }
}

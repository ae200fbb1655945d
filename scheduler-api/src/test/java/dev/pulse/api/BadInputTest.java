package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of bad input gets a 4xx in the envelope naming the field, never a 500. */
class BadInputTest extends ApiTest {

    private ApiClient owner;
    private String workspace;

    @BeforeEach
    void workspaceOfOurOwn() {
        owner = newUser();
        workspace = workspace(owner);
    }

    /** (what is wrong, the fields of a job that replace the valid ones, the field the error must name) */
    static List<Arguments> badJobs() {
        return List.of(
                Arguments.of("wrong type for name", "\"name\": 5", "name"),
                Arguments.of("empty name", "\"name\": \"\"", "name"),
                Arguments.of("201-character name", "\"name\": \"" + "n".repeat(201) + "\"", "name"),
                Arguments.of("unknown schedule_type", "\"schedule_type\": \"hourly\"", "schedule_type"),
                Arguments.of("schedule_type of wrong type", "\"schedule_type\": 1", "schedule_type"),
                Arguments.of("empty time", "\"schedule_time\": \"\"", "schedule_time"),
                Arguments.of("time 24:00", "\"schedule_time\": \"24:00\"", "schedule_time"),
                Arguments.of("time 7:5", "\"schedule_time\": \"7:5\"", "schedule_time"),
                Arguments.of("time 12:60", "\"schedule_time\": \"12:60\"", "schedule_time"),
                Arguments.of("weekly without days", "\"schedule_type\": \"weekly\"", "schedule_days"),
                Arguments.of("weekly with funday", "\"schedule_type\": \"weekly\", \"schedule_days\": [\"monday\", \"funday\"]", "schedule_days"),
                Arguments.of("cron with 6 fields", "\"schedule_type\": \"cron\", \"cron_expression\": \"0 0 8 * * *\"", "cron_expression"),
                Arguments.of("cron minute 99", "\"schedule_type\": \"cron\", \"cron_expression\": \"99 * * * *\"", "cron_expression"),
                Arguments.of("empty cron", "\"schedule_type\": \"cron\", \"cron_expression\": \"\"", "cron_expression"),
                Arguments.of("cron without expression", "\"schedule_type\": \"cron\"", "cron_expression"),
                Arguments.of("cron on 30 February", "\"schedule_type\": \"cron\", \"cron_expression\": \"0 0 30 2 *\"", "cron_expression"),
                Arguments.of("cron on 31 April", "\"schedule_type\": \"cron\", \"cron_expression\": \"0 9 31 4 *\"", "cron_expression"),
                Arguments.of("status only Pulse sets", "\"status\": \"failed\"", "status"),
                Arguments.of("unknown status", "\"status\": \"sleeping\"", "status"),
                Arguments.of("is_enabled as text", "\"is_enabled\": \"yes\"", "is_enabled"),
                Arguments.of("status and is_enabled disagree", "\"status\": \"paused\", \"is_enabled\": true", "is_enabled"),
                Arguments.of("custom under a minute", "\"schedule_type\": \"custom\", \"interval_minutes\": 0", "interval_minutes"),
                Arguments.of("custom without interval", "\"schedule_type\": \"custom\"", "interval_minutes"),
                Arguments.of("unknown timezone", "\"timezone\": \"Mars/Olympus_Mons\"", "timezone"),
                Arguments.of("offset instead of zone", "\"timezone\": \"+02:00\"", "timezone"),
                Arguments.of("no actions", "\"actions\": []", "actions"),
                Arguments.of("duplicated action", "\"actions\": [\"scrape\", \"scrape\"]", "actions"),
                Arguments.of("actions out of order", "\"actions\": [\"send\", \"generate\"]", "actions"),
                Arguments.of("actions with a gap", "\"actions\": [\"scrape\", \"send\"]", "actions"),
                Arguments.of("unknown action", "\"actions\": [\"scrape\", \"publish\"]", "actions"),
                Arguments.of("actions not an array", "\"actions\": \"scrape\"", "actions"),
                Arguments.of("max_items 0", "\"config\": {\"max_items\": 0}", "config.max_items"),
                Arguments.of("max_items 101", "\"config\": {\"max_items\": 101}", "config.max_items"),
                Arguments.of("max_items as text", "\"config\": {\"max_items\": \"ten\"}", "config.max_items"),
                Arguments.of("days_back 366", "\"config\": {\"days_back\": 366}", "config.days_back"),
                Arguments.of("unknown tone", "\"config\": {\"tone\": \"grumpy\"}", "config.tone"),
                Arguments.of("a source that is no URL", "\"config\": {\"sources\": [\"feeds please\"]}", "config.sources[0]"),
                Arguments.of("an x source", "\"config\": {\"sources\": [\"rss\", \"x\"]}", "config.sources[1]"),
                Arguments.of("a bad subreddit", "\"config\": {\"sources\": [{\"type\": \"reddit\", \"subreddit\": \"a\"}]}", "config.sources[0]"),
                Arguments.of("a bad test email", "\"config\": {\"test_emails\": [\"not-an-email\"]}", "config.test_emails"),
                Arguments.of("config not an object", "\"config\": [1]", "config"),
                Arguments.of("workspace_id not a UUID", "\"workspace_id\": \"nope\"", "workspace_id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badJobs")
    void aBadJobIsRejectedNamingTheField(String what, String override, String field) {
        ApiClient.Reply reply = owner.post("/api/v1/scheduler", job(override));
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.json().get("success").asBoolean()).isFalse();
        assertThat(reply.errorCode()).isEqualTo("validation_failed");
        assertThat(reply.details().has(field)).as("details name %s: %s", field, reply.text()).isTrue();
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        ApiClient.Reply reply = owner.post("/api/v1/scheduler", job("\"name\": \"\", \"schedule_time\": \"25:00\", \"actions\": []"));
        assertThat(reply.details().propertyNames()).contains("name", "schedule_time", "actions");
    }

    @Test
    void malformedJsonIsA400() {
        ApiClient.Reply reply = owner.post("/api/v1/scheduler", "{\"name\": \"x\",");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("malformed_json");
        assertThat(reply.json().get("data").isNull()).isTrue();
        assertThat(owner.post("/api/v1/scheduler", "[1, 2]").status()).isEqualTo(400);
        assertThat(owner.post("/api/v1/scheduler", "").status()).isEqualTo(400);
    }

    @Test
    void aTakenNameIsAConflict() {
        createDaily(owner, workspace, "Daily AI Digest");
        ApiClient.Reply reply = owner.post("/api/v1/scheduler", DAILY.formatted(workspace, "Daily AI Digest"));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.details().has("name")).isTrue();
        String other = createDaily(owner, workspace, "Other");
        assertThat(owner.put("/api/v1/scheduler/" + other, "{\"name\": \"Daily AI Digest\"}").status()).isEqualTo(409);
        assertThat(createDaily(owner, workspace(owner), "Daily AI Digest")).as("another workspace may use it").isNotBlank();
    }

    @Test
    void unknownFieldsAreIgnored() {
        ApiClient.Reply reply = owner.post("/api/v1/scheduler",
                job("\"colour\": \"blue\", \"config\": {\"max_items\": 3, \"future_option\": true}"));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "100000", "ten"})
    void historyLimitOutOfRangeIsA400(String limit) {
        String job = createDaily(owner, workspace, "limits");
        ApiClient.Reply reply = owner.get("/api/v1/scheduler/" + job + "/history?limit=" + limit);
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.details().has("limit")).isTrue();
        assertThat(owner.get("/api/v1/scheduler/workspaces/" + workspace + "/activities?limit=" + limit).status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/v1/scheduler/not-a-uuid", "PUT /api/v1/scheduler/123", "DELETE /api/v1/scheduler/x",
            "POST /api/v1/scheduler/x/pause", "POST /api/v1/scheduler/x/resume", "POST /api/v1/scheduler/x/run-now",
            "GET /api/v1/scheduler/x/history", "GET /api/v1/scheduler/x/stats", "GET /api/v1/scheduler/workspaces/x",
            "GET /api/v1/scheduler/workspaces/x/activities", "GET /api/v1/workspaces/x/members"})
    void aPathIdThatIsNoUuidIsA404(String call) {
        String[] parts = call.split(" ");
        ApiClient.Reply reply = switch (parts[0]) {
            case "GET" -> owner.get(parts[1]);
            case "PUT" -> owner.put(parts[1], "{}");
            case "DELETE" -> owner.delete(parts[1]);
            default -> owner.post(parts[1], "{}");
        };
        assertThat(reply.status()).as(reply.text()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("not_found");
    }

    @Test
    void previewRejectsBadCountsAndSchedules() {
        ApiClient.Reply zero = owner.post("/api/v1/scheduler/preview", "{\"schedule_type\": \"daily\", \"schedule_time\": \"08:00\", \"count\": 0}");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.details().has("count")).isTrue();
        ApiClient.Reply many = owner.post("/api/v1/scheduler/preview", "{\"schedule_type\": \"daily\", \"schedule_time\": \"08:00\", \"count\": 101}");
        assertThat(many.details().has("count")).isTrue();
        ApiClient.Reply badFrom = owner.post("/api/v1/scheduler/preview", "{\"schedule_type\": \"daily\", \"schedule_time\": \"08:00\", \"from\": \"yesterday\"}");
        assertThat(badFrom.details().has("from")).isTrue();
    }

    private String job(String override) {
        String base = """
                "workspace_id": "%s", "name": "job %s", "schedule_type": "daily", "schedule_time": "08:00",
                "timezone": "UTC", "actions": ["scrape", "generate", "send"]""".formatted(workspace, java.util.UUID.randomUUID());
        tools.jackson.databind.node.ObjectNode node = (tools.jackson.databind.node.ObjectNode) ApiClient.JSON.readTree("{" + base + "}");
        tools.jackson.databind.node.ObjectNode changes = (tools.jackson.databind.node.ObjectNode) ApiClient.JSON.readTree("{" + override + "}");
        changes.properties().forEach(entry -> node.set(entry.getKey(), entry.getValue()));
        return node.toString();
    }
}

package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.pulse.testsupport.WithKafka;
import dev.pulse.testsupport.WithPostgres;

/**
 * The API running on a random port against the embedded PostgreSQL and Kafka, called over HTTP. Every
 * test makes its own users and workspaces, so tests share one running API without seeing each other.
 */
@WithKafka
@WithPostgres
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {TestSecrets.JWT_PROPERTY, TestSecrets.UNSUBSCRIBE_PROPERTY})
abstract class ApiTest {

    static final String DAILY = """
            {"workspace_id": "%s", "name": "%s", "schedule_type": "daily", "schedule_time": "08:00",
             "timezone": "America/New_York", "actions": ["scrape", "generate", "send"],
             "config": {"max_items": 10, "days_back": 1, "sources": ["https://example.org/feed.xml", "r/java"]}}""";

    @LocalServerPort
    int port;

    ApiClient newUser() {
        return ApiClient.as(port, UUID.randomUUID());
    }

    /** A new workspace owned by {@code owner}. */
    String workspace(ApiClient owner) {
        ApiClient.Reply reply = owner.post("/api/v1/workspaces", "{\"name\": \"ws\"}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.data().get("id").asString();
    }

    /** A member of {@code workspace} with {@code role}, added by its owner. */
    ApiClient member(ApiClient owner, String workspace, String role) {
        ApiClient member = newUser();
        ApiClient.Reply reply = owner.put("/api/v1/workspaces/" + workspace + "/members/" + member.user,
                "{\"role\": \"" + role + "\"}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return member;
    }

    String createDaily(ApiClient client, String workspace, String name) {
        ApiClient.Reply reply = client.post("/api/v1/scheduler", DAILY.formatted(workspace, name));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.data().get("id").asString();
    }
}

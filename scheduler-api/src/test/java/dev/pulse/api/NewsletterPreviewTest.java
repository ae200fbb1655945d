package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The generated newsletter of an execution, readable before (or instead of) sending it. */
class NewsletterPreviewTest extends ApiTest {

    @Autowired
    JdbcClient db;

    @Test
    void aTestModeRunCanBeReadAsHtmlTextOrJsonByTheWorkspaceOnly() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        String job = createDaily(owner, workspace, "Preview digest");
        ApiClient.Reply run = owner.post("/api/v1/scheduler/" + job + "/run-now", "{\"test_mode\": true}");
        String execution = run.data().get("execution_id").asString();
        String path = "/api/v1/scheduler/executions/" + execution + "/newsletter";

        ApiClient.Reply before = owner.get(path);
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.errorCode()).isEqualTo("not_found");
        assertThat(before.json().path("error").path("message").asString()).contains("not generated yet");

        UUID item = UUID.randomUUID();
        db.sql("""
                INSERT INTO newsletters (id, execution_id, job_id, workspace_id, subject, preheader, html_body, text_body,
                                         item_count, item_ids, test_mode)
                VALUES (?, ?, ?, ?, 'Your digest', 'Top story', '<p>Hello &lt;b&gt;</p>', 'Hello <b>', 1, ?, true)""")
                .params(UUID.randomUUID(), UUID.fromString(execution), UUID.fromString(job), UUID.fromString(workspace),
                        new UUID[] {item})
                .update();

        ApiClient.Reply html = owner.get(path);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.text()).isEqualTo("<p>Hello &lt;b&gt;</p>");
        ApiClient.Reply text = owner.get(path + "?format=text");
        assertThat(text.contentType()).startsWith("text/plain");
        assertThat(text.text()).isEqualTo("Hello <b>");
        JsonNode json = owner.get(path + "?format=json").data();
        assertThat(json.get("subject").asString()).isEqualTo("Your digest");
        assertThat(json.get("test_mode").asBoolean()).isTrue();
        assertThat(json.get("item_count").asInt()).isEqualTo(1);
        assertThat(json.get("item_ids").get(0).asString()).isEqualTo(item.toString());

        ApiClient viewer = member(owner, workspace, "viewer");
        assertThat(viewer.get(path).status()).isEqualTo(200);
        assertThat(newUser().get(path).status()).as("another workspace's user sees nothing").isEqualTo(404);
        ApiClient.Reply badFormat = owner.get(path + "?format=pdf");
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.details().path("format").asString()).contains("html, text or json");
        assertThat(owner.get("/api/v1/scheduler/executions/" + UUID.randomUUID() + "/newsletter").status()).isEqualTo(404);
    }
}

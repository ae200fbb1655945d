package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class OpenApiTest extends ApiTest {

    @Test
    void describesEveryEndpointWithTheSprintsUseCases() {
        ApiClient anyone = ApiClient.withAuthorization(port, null);
        ApiClient.Reply docs = anyone.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/scheduler", "/api/v1/scheduler/workspaces/{workspace_id}",
                "/api/v1/scheduler/{job_id}", "/api/v1/scheduler/{job_id}/pause", "/api/v1/scheduler/{job_id}/resume",
                "/api/v1/scheduler/{job_id}/run-now", "/api/v1/scheduler/{job_id}/history", "/api/v1/scheduler/{job_id}/stats",
                "/api/v1/scheduler/workspaces/{workspace_id}/activities", "/api/v1/scheduler/preview",
                "/api/v1/workspaces", "/api/v1/workspaces/{workspace_id}/subscribers", "/api/v1/unsubscribe");
        JsonNode createExamples = paths.get("/api/v1/scheduler").get("post").get("requestBody").get("content")
                .get("application/json").get("examples");
        assertThat(createExamples.propertyNames()).anyMatch(name -> name.startsWith("Use case 1"))
                .anyMatch(name -> name.startsWith("Use case 2")).anyMatch(name -> name.startsWith("Use case 3"));
        assertThat(anyone.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}

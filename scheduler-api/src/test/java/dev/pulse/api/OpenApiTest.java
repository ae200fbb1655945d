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
                "/api/v1/workspaces", "/api/v1/workspaces/{workspace_id}/subscribers", "/api/v1/workspaces/{workspace_id}/sources",
                "/api/v1/workspaces/{workspace_id}/sender", "/api/v1/unsubscribe");
        JsonNode createExamples = paths.get("/api/v1/scheduler").get("post").get("requestBody").get("content")
                .get("application/json").get("examples");
        assertThat(createExamples.propertyNames()).anyMatch(name -> name.startsWith("Use case 1"))
                .anyMatch(name -> name.startsWith("Use case 2")).anyMatch(name -> name.startsWith("Use case 3"));
        assertThat(anyone.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void declaresABearerSchemeThatEveryProtectedOperationRequires() {
        JsonNode docs = ApiClient.withAuthorization(port, null).get("/v3/api-docs").json();
        assertThat(docs.at("/info/title").asString()).isEqualTo("Pulse API");
        assertThat(docs.at("/info/version").asString()).isNotBlank().isNotEqualTo("v0");
        assertThat(docs.at("/info/description").asString()).contains("bearer");
        JsonNode scheme = docs.at("/components/securitySchemes/bearer-jwt");
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.get("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(docs.get("security").toString()).isEqualTo("[{\"bearer-jwt\":[]}]");

        int protectedOperations = 0;
        for (var path : docs.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                JsonNode security = operation.getValue().get("security");
                if (path.getKey().equals("/api/v1/unsubscribe")) {
                    assertThat(security).as("public: %s %s", operation.getKey(), path.getKey()).isNotNull();
                    assertThat(security.isEmpty()).isTrue();
                } else {
                    assertThat(security == null || security.toString().contains("bearer-jwt"))
                            .as("%s %s requires the bearer token", operation.getKey(), path.getKey()).isTrue();
                    protectedOperations++;
                }
            }
        }
        assertThat(protectedOperations).isGreaterThan(20);
    }
}

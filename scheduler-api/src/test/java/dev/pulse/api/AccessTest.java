package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.pulse.api.auth.TokenMinter;

/** Who may do what: 401 without a valid token, 403 for a role too low, 404 outside your workspaces. */
class AccessTest extends ApiTest {

    private static final String SECRET = TestSecrets.JWT;

    @Test
    void noTokenIsA401InTheEnvelope() {
        ApiClient.Reply reply = ApiClient.withAuthorization(port, null).get("/api/v1/workspaces");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("unauthorized");
        assertThat(reply.json().get("success").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "wrong-secret", "expired", "no-exp", "sub-not-uuid", "not-bearer"})
    void aBadTokenIsA401(String kind) throws Exception {
        UUID user = UUID.randomUUID();
        String authorization = switch (kind) {
            case "garbage" -> "Bearer abc.def.ghi";
            case "wrong-secret" -> "Bearer " + new TokenMinter("another-secret-that-is-long-enough-for-hs256").mint(user, null, Duration.ofHours(1));
            case "expired" -> "Bearer " + sign(new JWTClaimsSet.Builder().subject(user.toString())
                    .expirationTime(Date.from(Instant.now().minusSeconds(120))).build());
            case "no-exp" -> "Bearer " + sign(new JWTClaimsSet.Builder().subject(user.toString()).build());
            case "sub-not-uuid" -> "Bearer " + sign(new JWTClaimsSet.Builder().subject("alice")
                    .expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
            default -> "Basic " + java.util.Base64.getEncoder().encodeToString("a:b".getBytes(StandardCharsets.UTF_8));
        };
        ApiClient.Reply reply = ApiClient.withAuthorization(port, authorization).get("/api/v1/workspaces");
        assertThat(reply.status()).as(kind + ": " + reply.text()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("unauthorized");
    }

    @Test
    void aViewerReadsButChangesNothing() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        String job = createDaily(owner, workspace, "viewed");
        ApiClient viewer = member(owner, workspace, "viewer");

        assertThat(viewer.get("/api/v1/scheduler/" + job).status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/scheduler/workspaces/" + workspace).status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/scheduler/" + job + "/history").status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/scheduler/" + job + "/stats").status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/scheduler/workspaces/" + workspace + "/activities").status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/workspaces/" + workspace + "/members").status()).isEqualTo(200);

        assertForbidden(viewer.post("/api/v1/scheduler", DAILY.formatted(workspace, "by viewer")));
        assertForbidden(viewer.put("/api/v1/scheduler/" + job, "{\"name\": \"renamed\"}"));
        assertForbidden(viewer.post("/api/v1/scheduler/" + job + "/pause", null));
        assertForbidden(viewer.post("/api/v1/scheduler/" + job + "/resume", null));
        assertForbidden(viewer.post("/api/v1/scheduler/" + job + "/run-now", null));
        assertForbidden(viewer.delete("/api/v1/scheduler/" + job));
        assertForbidden(viewer.post("/api/v1/workspaces/" + workspace + "/subscribers", "{\"email\": \"a@example.org\"}"));
        assertThat(owner.get("/api/v1/scheduler/" + job).data().get("name").asString()).isEqualTo("viewed");
    }

    @Test
    void anEditorRunsJobsButDoesNotDeleteOrManageMembers() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        ApiClient editor = member(owner, workspace, "editor");
        String job = createDaily(editor, workspace, "edited");
        assertThat(editor.put("/api/v1/scheduler/" + job, "{\"schedule_time\": \"09:15\"}").status()).isEqualTo(200);
        assertThat(editor.post("/api/v1/scheduler/" + job + "/pause", null).status()).isEqualTo(200);
        assertThat(editor.post("/api/v1/scheduler/" + job + "/resume", null).status()).isEqualTo(200);
        assertThat(editor.post("/api/v1/scheduler/" + job + "/run-now", null).status()).isEqualTo(200);

        assertForbidden(editor.delete("/api/v1/scheduler/" + job));
        assertForbidden(editor.put("/api/v1/workspaces/" + workspace + "/members/" + UUID.randomUUID(), "{\"role\": \"viewer\"}"));
        assertThat(owner.delete("/api/v1/scheduler/" + job).status()).isEqualTo(200);
    }

    @Test
    void anOutsiderSeesNothingOfAnotherWorkspace() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        String job = createDaily(owner, workspace, "private");
        ApiClient outsider = newUser();
        workspace(outsider);

        for (ApiClient.Reply reply : new ApiClient.Reply[] {
                outsider.get("/api/v1/scheduler/" + job),
                outsider.get("/api/v1/scheduler/workspaces/" + workspace),
                outsider.get("/api/v1/scheduler/workspaces/" + workspace + "/activities"),
                outsider.get("/api/v1/scheduler/" + job + "/history"),
                outsider.get("/api/v1/scheduler/" + job + "/stats"),
                outsider.put("/api/v1/scheduler/" + job, "{\"name\": \"mine now\"}"),
                outsider.post("/api/v1/scheduler/" + job + "/pause", null),
                outsider.post("/api/v1/scheduler/" + job + "/run-now", null),
                outsider.delete("/api/v1/scheduler/" + job),
                outsider.post("/api/v1/scheduler", DAILY.formatted(workspace, "planted")),
                outsider.get("/api/v1/workspaces/" + workspace + "/members"),
                outsider.get("/api/v1/workspaces/" + workspace + "/subscribers")}) {
            assertThat(reply.status()).as(reply.text()).isEqualTo(404);
            assertThat(reply.errorCode()).isEqualTo("not_found");
        }
        assertThat(outsider.get("/api/v1/workspaces").data()).hasSize(1);
        assertThat(owner.get("/api/v1/scheduler/" + job).data().get("status").asString()).isEqualTo("active");
    }

    @Test
    void aWorkspaceAlwaysKeepsAnOwner() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        assertThat(owner.delete("/api/v1/workspaces/" + workspace + "/members/" + owner.user).status()).isEqualTo(409);
        assertThat(owner.put("/api/v1/workspaces/" + workspace + "/members/" + owner.user, "{\"role\": \"editor\"}").status()).isEqualTo(409);
        ApiClient second = member(owner, workspace, "owner");
        assertThat(second.delete("/api/v1/workspaces/" + workspace + "/members/" + owner.user).status()).isEqualTo(200);
        assertThat(owner.get("/api/v1/workspaces/" + workspace + "/members").status()).isEqualTo(404);
    }

    @Test
    void theCreatorOwnsTheWorkspace() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        assertThat(owner.get("/api/v1/workspaces").data().get(0).get("role").asString()).isEqualTo("owner");
        assertThat(owner.get("/api/v1/workspaces/" + workspace + "/members").data().get(0).get("user_id").asString())
                .isEqualTo(owner.user.toString());
        assertThat(owner.put("/api/v1/workspaces/" + workspace + "/members/" + UUID.randomUUID(), "{\"role\": \"boss\"}").status())
                .isEqualTo(400);
    }

    private static void assertForbidden(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(403);
        assertThat(reply.errorCode()).isEqualTo("forbidden");
    }

    private static String sign(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}

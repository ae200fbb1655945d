package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.pulse.contracts.unsubscribe.UnsubscribeTokens;
import tools.jackson.databind.JsonNode;

class SubscriberApiTest extends ApiTest {

    private final UnsubscribeTokens tokens = new UnsubscribeTokens(TestSecrets.UNSUBSCRIBE);

    @Test
    void createListAndDelete() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        String base = "/api/v1/workspaces/" + workspace + "/subscribers";
        ApiClient.Reply created = owner.post(base, "{\"email\": \"Ada@Example.org\", \"name\": \"Ada\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.data().get("status").asString()).isEqualTo("active");
        assertThat(owner.post(base, "{\"email\": \"ada@example.org\"}").status()).as("same address, other case").isEqualTo(409);
        assertThat(owner.post(base, "{\"email\": \"not an email\"}").details().has("email")).isTrue();
        assertThat(owner.get(base).data()).hasSize(1);
        String id = created.data().get("id").asString();
        assertThat(owner.delete(base + "/" + id).status()).isEqualTo(200);
        assertThat(owner.delete(base + "/" + id).status()).isEqualTo(404);
        assertThat(owner.get(base + "?status=weird").status()).isEqualTo(400);
    }

    @Test
    void jsonImportMergesDuplicatesAndReportsRejectedRows() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        String base = "/api/v1/workspaces/" + workspace + "/subscribers";
        owner.post(base, "{\"email\": \"existing@example.org\"}");
        ApiClient.Reply reply = owner.post(base + "/import", """
                ["a@example.org", {"email": "B@example.org", "name": "Bea"}, "A@EXAMPLE.ORG", "existing@example.org",
                 "not-an-email", {"name": "no email"}]""");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonNode report = reply.data();
        assertThat(report.get("received").asInt()).isEqualTo(6);
        assertThat(report.get("imported").asInt()).isEqualTo(2);
        assertThat(report.get("merged").asInt()).isEqualTo(2);
        assertThat(report.get("rejected")).hasSize(2);
        assertThat(report.get("rejected").get(0).get("row").asInt()).isEqualTo(5);
        assertThat(owner.get(base).data()).hasSize(3);
    }

    @Test
    void csvImportWithHeaderAndQuotes() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        String base = "/api/v1/workspaces/" + workspace + "/subscribers";
        ApiClient.Reply reply = owner.post(base + "/import", "text/csv",
                "email,name\nc@example.org,\"Smith, Carol\"\nbroken\n\nd@example.org\n");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.data().get("imported").asInt()).isEqualTo(2);
        assertThat(reply.data().get("rejected").get(0).get("row").asInt()).isEqualTo(3);
        JsonNode carol = null;
        for (JsonNode subscriber : owner.get(base).data()) {
            if (subscriber.get("email").asString().equals("c@example.org")) {
                carol = subscriber;
            }
        }
        assertThat(carol).isNotNull();
        assertThat(carol.get("name").asString()).isEqualTo("Smith, Carol");
    }

    @Test
    void oneClickUnsubscribe() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        String base = "/api/v1/workspaces/" + workspace + "/subscribers";
        String id = owner.post(base, "{\"email\": \"leaving@example.org\"}").data().get("id").asString();
        String url = "/api/v1/unsubscribe?token=" + URLEncoder.encode(tokens.issue(UUID.fromString(id)), StandardCharsets.UTF_8);
        ApiClient anyone = ApiClient.withAuthorization(port, null);

        ApiClient.Reply page = anyone.get(url);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("leaving@example.org", "List-Unsubscribe", "One-Click");
        assertThat(status(owner, base)).as("GET changes nothing").isEqualTo("active");

        assertThat(anyone.post(url, "application/x-www-form-urlencoded", "something=else").status()).isEqualTo(400);
        assertThat(status(owner, base)).isEqualTo("active");

        for (int i = 0; i < 2; i++) {
            ApiClient.Reply done = anyone.post(url, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
            assertThat(done.status()).as("attempt %d", i).isEqualTo(200);
            assertThat(status(owner, base)).isEqualTo("unsubscribed");
        }
        assertThat(anyone.get("/api/v1/unsubscribe?token=forged.token").status()).isEqualTo(404);
        assertThat(anyone.post("/api/v1/unsubscribe?token=forged.token", "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click").status()).isEqualTo(404);

        ApiClient.Reply reimport = owner.post(base + "/import", "[\"leaving@example.org\"]");
        assertThat(reimport.data().get("merged").asInt()).isEqualTo(1);
        assertThat(status(owner, base)).as("an import never resubscribes").isEqualTo("unsubscribed");
    }

    private static String status(ApiClient owner, String base) {
        return owner.get(base).data().get(0).get("status").asString();
    }
}

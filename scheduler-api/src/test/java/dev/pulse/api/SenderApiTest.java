package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A workspace's From and Reply-To: unset until an editor sets them, checked per field, read by viewers. */
class SenderApiTest extends ApiTest {

    @Autowired
    JdbcClient db;

    @Test
    void unsetSettingsAreNulls() {
        ApiClient owner = newUser();
        ApiClient.Reply reply = owner.get(sender(workspace(owner)));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().get("success").asBoolean()).isTrue();
        JsonNode data = reply.data();
        assertThat(data.propertyNames()).containsExactlyInAnyOrder("sender_email", "sender_name", "reply_to");
        assertThat(data.get("sender_email").isNull()).isTrue();
        assertThat(data.get("sender_name").isNull()).isTrue();
        assertThat(data.get("reply_to").isNull()).isTrue();
    }

    @Test
    void whatAnEditorPutsIsWhatEveryMemberGets() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        ApiClient editor = member(owner, workspace, "editor");
        ApiClient viewer = member(owner, workspace, "viewer");

        ApiClient.Reply put = editor.put(sender(workspace), body("news@example.org", "Ünïcode Weekly – \"Pulse\"", "editors@example.org"));
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(put.data().get("sender_email").asString()).isEqualTo("news@example.org");
        assertThat(put.data().get("sender_name").asString()).isEqualTo("Ünïcode Weekly – \"Pulse\"");
        assertThat(put.data().get("reply_to").asString()).isEqualTo("editors@example.org");

        ApiClient.Reply read = viewer.get(sender(workspace));
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        assertThat(read.data()).isEqualTo(put.data());
        assertThat(db.sql("select sender_email from workspaces where id = ?").param(UUID.fromString(workspace))
                .query(String.class).single()).as("what action-send reads").isEqualTo("news@example.org");
    }

    @Test
    void fieldsLeftOutOrNullAreCleared() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        assertThat(owner.put(sender(workspace), body("news@example.org", "Weekly", "editors@example.org")).status()).isEqualTo(200);

        ApiClient.Reply partial = owner.put(sender(workspace), "{\"sender_email\": \"other@example.org\", \"reply_to\": null}");
        assertThat(partial.status()).as(partial.text()).isEqualTo(200);
        assertThat(partial.data().get("sender_email").asString()).isEqualTo("other@example.org");
        assertThat(partial.data().get("sender_name").isNull()).isTrue();
        assertThat(partial.data().get("reply_to").isNull()).isTrue();

        assertThat(owner.put(sender(workspace), "{}").status()).isEqualTo(200);
        JsonNode cleared = owner.get(sender(workspace)).data();
        assertThat(cleared.get("sender_email").isNull()).isTrue();
        assertThat(cleared.get("sender_name").isNull()).isTrue();
        assertThat(cleared.get("reply_to").isNull()).isTrue();
    }

    /** (what is wrong, sender_email, sender_name, reply_to, the field the error must name) */
    static List<Arguments> badSettings() {
        String longDomain = "a".repeat(60) + ".";
        return List.of(
                Arguments.of("no @", "not-an-email", null, null, "sender_email"),
                Arguments.of("two @", "news@@example.org", null, null, "sender_email"),
                Arguments.of("no local part", "@example.org", null, null, "sender_email"),
                Arguments.of("no dot in the domain", "news@localhost", null, null, "sender_email"),
                Arguments.of("domain ends with a dot", "news@example.", null, null, "sender_email"),
                Arguments.of("two dots in a row", "news@example..org", null, null, "sender_email"),
                Arguments.of("empty", "", null, null, "sender_email"),
                Arguments.of("a space", "news letter@example.org", null, null, "sender_email"),
                Arguments.of("a display name", "Pulse <news@example.org>", null, null, "sender_email"),
                Arguments.of("two addresses", "news@example.org,spam@example.org", null, null, "sender_email"),
                Arguments.of("header injection", "news@example.org\r\nBcc: everyone@example.org", null, null, "sender_email"),
                Arguments.of("321 characters", "n@" + longDomain.repeat(5) + "a".repeat(321 - 2 - 5 * longDomain.length()),
                        null, null, "sender_email"),
                Arguments.of("non-ASCII", "nëws@example.org", null, null, "sender_email"),
                Arguments.of("CRLF in the name", null, "Weekly\r\nBcc: everyone@example.org", null, "sender_name"),
                Arguments.of("LF in the name", null, "Weekly\nnews", null, "sender_name"),
                Arguments.of("201-character name", null, "n".repeat(201), null, "sender_name"),
                Arguments.of("blank name", null, "  ", null, "sender_name"),
                Arguments.of("bad reply_to", null, null, "reply@", "reply_to"),
                Arguments.of("reply_to with a name", null, null, "\"Editors\" <editors@example.org>", "reply_to"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void aBadFieldIsA400NamingIt(String what, String senderEmail, String senderName, String replyTo, String field) {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        assertThat(owner.put(sender(workspace), body("kept@example.org", "Kept", null)).status()).isEqualTo(200);

        ApiClient.Reply reply = owner.put(sender(workspace), body(senderEmail, senderName, replyTo));
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.json().get("success").asBoolean()).isFalse();
        assertThat(reply.errorCode()).isEqualTo("validation_failed");
        assertThat(reply.details().propertyNames()).as(reply.text()).containsExactly(field);
        assertThat(owner.get(sender(workspace)).data().get("sender_email").asString()).as("nothing changed").isEqualTo("kept@example.org");
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        ApiClient owner = newUser();
        ApiClient.Reply reply = owner.put(sender(workspace(owner)),
                "{\"sender_email\": 42, \"sender_name\": \"" + "n".repeat(201) + "\", \"reply_to\": \"nobody\"}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.details().get("sender_email").asString()).isEqualTo("must be a string");
        assertThat(reply.details().get("sender_name").asString()).contains("200");
        assertThat(reply.details().get("reply_to").asString()).contains("email address");
        assertThat(owner.put(sender(workspace(owner)), "[]").details().has("body")).isTrue();
    }

    @Test
    void theLongestAddressIsAccepted() {
        ApiClient owner = newUser();
        String local = "n".repeat(64);
        String address = local + "@" + ("d".repeat(62) + ".").repeat(4) + "o".repeat(320 - 65 - 4 * 63);
        assertThat(address).hasSize(320);
        ApiClient.Reply reply = owner.put(sender(workspace(owner)), body(address, "n".repeat(200), "first.last+tag@sub.example.co.uk"));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.data().get("sender_email").asString()).isEqualTo(address);
    }

    @Test
    void viewersReadEditorsChangeOutsidersSeeNothing() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        assertThat(owner.put(sender(workspace), body("news@example.org", null, null)).status()).isEqualTo(200);
        ApiClient viewer = member(owner, workspace, "viewer");

        assertThat(viewer.get(sender(workspace)).status()).isEqualTo(200);
        ApiClient.Reply forbidden = viewer.put(sender(workspace), body("viewer@example.org", null, null));
        assertThat(forbidden.status()).as(forbidden.text()).isEqualTo(403);
        assertThat(forbidden.errorCode()).isEqualTo("forbidden");

        ApiClient outsider = newUser();
        workspace(outsider);
        for (ApiClient.Reply reply : new ApiClient.Reply[] {
                outsider.get(sender(workspace)),
                outsider.put(sender(workspace), body("planted@example.org", null, null)),
                owner.get(sender(UUID.randomUUID().toString())),
                owner.put(sender(UUID.randomUUID().toString()), "{}")}) {
            assertThat(reply.status()).as(reply.text()).isEqualTo(404);
            assertThat(reply.errorCode()).isEqualTo("not_found");
            assertThat(reply.json().path("error").path("message").asString()).isEqualTo("workspace not found");
        }
        assertThat(owner.get(sender(workspace)).data().get("sender_email").asString()).isEqualTo("news@example.org");
        assertThat(owner.get(sender("not-a-uuid")).status()).isEqualTo(404);
    }

    @Test
    void theTableRefusesLineBreaksEvenWithoutTheApi() {
        ApiClient owner = newUser();
        UUID workspace = UUID.fromString(workspace(owner));
        assertThatThrownBy(() -> db.sql("update workspaces set sender_name = ? where id = ?")
                .params("Weekly\r\nBcc: everyone@example.org", workspace).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> db.sql("update workspaces set reply_to = ? where id = ?")
                .params("a@example.org\nBcc: b@example.org", workspace).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> db.sql("update workspaces set sender_email = ? where id = ?")
                .params("no-at-sign", workspace).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static String sender(String workspace) {
        return "/api/v1/workspaces/" + workspace + "/sender";
    }

    private static String body(String senderEmail, String senderName, String replyTo) {
        ObjectNode body = ApiClient.JSON.createObjectNode();
        body.put("sender_email", senderEmail);
        body.put("sender_name", senderName);
        body.put("reply_to", replyTo);
        return ApiClient.JSON.writeValueAsString(body);
    }
}

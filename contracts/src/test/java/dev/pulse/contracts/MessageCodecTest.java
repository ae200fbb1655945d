package dev.pulse.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.pulse.contracts.json.MalformedMessageException;
import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.json.UnsupportedSchemaVersionException;
import dev.pulse.contracts.messages.JobChanged;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.PulseMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class MessageCodecTest {

    private final MessageCodec codec = new MessageCodec();
    private final JsonMapper plain = JsonMapper.builder().build();

    static List<Samples.Named> samples() {
        return Samples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyMessageRoundTrips(Samples.Named sample) {
        PulseMessage decoded = codec.decode(codec.encode(sample.message()), sample.message().getClass());
        assertThat(decoded).isEqualTo(sample.message());
    }

    /**
     * The golden files are the wire contract. If this fails, a change altered what other services
     * read: update the golden file only if the change is intended and compatible (or bump the schema).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyMessageMatchesItsGoldenJson(Samples.Named sample) throws IOException {
        String encoded = codec.encodeToString(sample.message());
        String golden = golden(sample.name(), encoded);
        assertThat(plain.readTree(encoded)).as("encoded %s vs golden/%s.json", sample, sample).isEqualTo(plain.readTree(golden));
        assertThat(codec.decode(golden, sample.message().getClass())).isEqualTo(sample.message());
    }

    @Test
    void wireFormatIsSnakeCaseWithoutJavaTypeNames() {
        String json = codec.encodeToString(Samples.all().get(1).message());
        assertThat(json).contains("\"scheduled_for\"", "\"schema_version\":1", "\"trigger\":\"schedule\"",
                "\"plan\":[\"scrape\",\"generate\",\"send\"]");
        assertThat(json).doesNotContain("dev.pulse", "@class", "scheduledFor");
    }

    @Test
    void unknownFieldsAreTolerated() {
        ObjectNode tree = (ObjectNode) plain.readTree(codec.encode(Samples.all().get(1).message()));
        tree.put("added_later", "by a newer producer");
        ((ObjectNode) tree.get("envelope")).putObject("tracing").put("span", "abc");
        JobDue decoded = codec.decode(plain.writeValueAsBytes(tree), JobDue.class);
        assertThat(decoded).isEqualTo(Samples.all().get(1).message());
    }

    @Test
    void unknownSchemaVersionIsRejectedClearly() {
        ObjectNode tree = (ObjectNode) plain.readTree(codec.encode(Samples.all().get(1).message()));
        ((ObjectNode) tree.get("envelope")).put("schema_version", 2);
        assertThatThrownBy(() -> codec.decode(plain.writeValueAsBytes(tree), JobDue.class))
                .isInstanceOf(UnsupportedSchemaVersionException.class)
                .hasMessageContaining("schema_version 2")
                .hasMessageContaining("reads version 1");
    }

    @Test
    void malformedInputIsRejectedClearly() {
        assertThatThrownBy(() -> codec.decode("{not json", JobDue.class)).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> codec.decode("[]", JobDue.class)).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> codec.decode("{\"scheduled_for\":\"2026-01-01T00:00:00Z\"}", JobDue.class))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("schema_version");
        assertThatThrownBy(() -> codec.decode((byte[]) null, JobDue.class)).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void aMessageOfAnotherKindIsRejectedNotMisread() {
        byte[] jobChanged = codec.encode(Samples.all().get(0).message());
        assertThatThrownBy(() -> codec.decode(jobChanged, JobDue.class))
                .isInstanceOf(MalformedMessageException.class);
        assertThat(codec.decode(jobChanged, JobChanged.class)).isEqualTo(Samples.all().get(0).message());
    }

    @Test
    void anInvalidPlanIsRejected() {
        ObjectNode tree = (ObjectNode) plain.readTree(codec.encode(Samples.all().get(1).message()));
        ((ObjectNode) tree.get("envelope")).putArray("plan").add("scrape").add("send");
        assertThatThrownBy(() -> codec.decode(plain.writeValueAsBytes(tree), JobDue.class))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("contiguous");
    }

    private static String golden(String name, String encoded) throws IOException {
        try (InputStream in = MessageCodecTest.class.getResourceAsStream("/golden/" + name + ".json")) {
            if (in == null) {
                Path draft = Path.of("target", "golden-drafts", name + ".json");
                Files.createDirectories(draft.getParent());
                Files.writeString(draft, encoded);
                throw new AssertionError("No golden/" + name + ".json; review and copy " + draft.toAbsolutePath());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

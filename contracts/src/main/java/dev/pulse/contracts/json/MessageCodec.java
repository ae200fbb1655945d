package dev.pulse.contracts.json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.PulseMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one JSON form of Pulse messages: snake_case, lowercase enums, ISO-8601 instants, absent rather
 * than null fields, and no Java type names — a reader binds to the record it expects. Unknown fields
 * are ignored so producers can add fields ahead of consumers; an unknown schema version is refused.
 * Thread-safe; share one instance.
 */
public final class MessageCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .addModule(new SimpleModule("pulse-instants").addDeserializer(Instant.class, new IsoInstants()))
            .build();

    public byte[] encode(PulseMessage message) {
        return mapper.writeValueAsBytes(message);
    }

    /** Any contract value (such as a {@code JobConfig}) in the wire form, for storing it elsewhere. */
    public JsonNode toTree(Object value) {
        return mapper.valueToTree(value);
    }

    public String toJson(Object value) {
        return mapper.writeValueAsString(value);
    }

    /** Reads a contract value stored with {@link #toJson}; no schema version check (values carry none). */
    public <T> T fromJson(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JacksonException e) {
            throw new MalformedMessageException("Not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** {@link #fromJson(String, Class)} from UTF-8 bytes, such as a record's value read as something other than its message. */
    public <T> T fromJson(byte[] json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JacksonException e) {
            throw new MalformedMessageException("Not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public String encodeToString(PulseMessage message) {
        return new String(encode(message), StandardCharsets.UTF_8);
    }

    /**
     * Reads {@code json} as a {@code type}.
     *
     * @throws MalformedMessageException if it is not JSON or not a valid {@code type}
     * @throws UnsupportedSchemaVersionException if its envelope declares another schema version
     */
    public <T extends PulseMessage> T decode(byte[] json, Class<T> type) {
        if (json == null) {
            throw new MalformedMessageException("No message body", null);
        }
        // Fast path: bind directly, then check the version the envelope declares. Anything that does
        // not bind takes the slow path, which says precisely why (not JSON, unknown version, invalid).
        try {
            T message = mapper.readValue(json, type);
            if (message != null && message.envelope() != null
                    && message.envelope().schemaVersion() == Envelope.SCHEMA_VERSION) {
                return message;
            }
        } catch (JacksonException e) {
            // fall through to the precise diagnosis
        }
        JsonNode tree = readTree(json);
        requireSupportedVersion(tree);
        try {
            return mapper.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw new MalformedMessageException("Not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public <T extends PulseMessage> T decode(String json, Class<T> type) {
        return decode(json.getBytes(StandardCharsets.UTF_8), type);
    }

    private JsonNode readTree(byte[] json) {
        if (json == null) {
            throw new MalformedMessageException("No message body", null);
        }
        try {
            JsonNode tree = mapper.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new MalformedMessageException("A message is a JSON object", null);
            }
            return tree;
        } catch (JacksonException e) {
            throw new MalformedMessageException("Not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void requireSupportedVersion(JsonNode tree) {
        JsonNode version = tree.path("envelope").path("schema_version");
        if (!version.isIntegralNumber()) {
            throw new MalformedMessageException("envelope.schema_version is missing or not an integer", null);
        }
        if (version.asInt() != Envelope.SCHEMA_VERSION) {
            throw new UnsupportedSchemaVersionException(version.asInt(), Envelope.SCHEMA_VERSION);
        }
    }
}

package dev.pulse.api.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Reads fields of a JSON request body by hand, so that a wrong type or value anywhere becomes a
 * per-field message instead of a binding exception, and every bad field is reported at once.
 * Absent and null fields read as null; unknown fields are never looked at.
 */
public final class FieldReader {

    private final JsonNode body;
    private final String prefix;
    private final Map<String, String> errors;

    private FieldReader(JsonNode body, String prefix, Map<String, String> errors) {
        this.body = body;
        this.prefix = prefix;
        this.errors = errors;
    }

    public static FieldReader of(JsonNode body) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (body == null || !body.isObject()) {
            errors.put("body", "must be a JSON object");
        }
        return new FieldReader(body, "", errors);
    }

    /** A reader for a nested object, reporting into the same errors as {@code parent.child}. */
    public FieldReader object(String field) {
        JsonNode node = node(field);
        if (node != null && !node.isObject()) {
            error(field, "must be an object");
            node = null;
        }
        return new FieldReader(node, prefix + field + ".", errors);
    }

    public boolean has(String field) {
        return node(field) != null;
    }

    public String string(String field) {
        JsonNode node = node(field);
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            error(field, "must be a string");
            return null;
        }
        return node.asString();
    }

    public Integer integer(String field, int min, int max) {
        JsonNode node = node(field);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            error(field, "must be an integer");
            return null;
        }
        int value = node.asInt();
        if (value < min || value > max) {
            error(field, "must be between " + min + " and " + max);
            return null;
        }
        return value;
    }

    public Boolean bool(String field) {
        JsonNode node = node(field);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            error(field, "must be true or false");
            return null;
        }
        return node.asBoolean();
    }

    public UUID uuid(String field) {
        String text = string(field);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            error(field, "must be a UUID");
            return null;
        }
    }

    public Instant instant(String field) {
        String text = string(field);
        if (text == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            error(field, "must be an ISO-8601 date-time with offset, such as 2026-03-08T08:00:00-05:00");
            return null;
        }
    }

    /** The elements of an array field; null if absent, an error if not an array. */
    public List<JsonNode> array(String field) {
        JsonNode node = node(field);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            error(field, "must be an array");
            return null;
        }
        List<JsonNode> elements = new ArrayList<>();
        node.forEach(elements::add);
        return elements;
    }

    public void require(String field, Object value) {
        if (value == null && !errors.containsKey(prefix + field)) {
            error(field, "is required");
        }
    }

    public void error(String field, String message) {
        errors.putIfAbsent(prefix + field, message);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** Throws a 400 naming every bad field, if there is one. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private JsonNode node(String field) {
        if (body == null) {
            return null;
        }
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node;
    }
}

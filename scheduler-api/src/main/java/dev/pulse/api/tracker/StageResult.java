package dev.pulse.api.tracker;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** A stage finished: its result as the history shows it, whether part of it failed, and when. */
public record StageResult(JsonNode summary, boolean partial, String partialReason, Instant at, UUID messageId) {
}

package dev.pulse.api.tracker;

import java.time.Instant;
import java.util.UUID;

/** A stage gave up (ActionFailed): why, after how many attempts, and where its input now waits. */
public record StageFailure(String code, String message, int attempts, String deadLetterTopic, int partition,
        Instant at, UUID messageId) {
}

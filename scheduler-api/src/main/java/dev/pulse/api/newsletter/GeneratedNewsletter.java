package dev.pulse.api.newsletter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A newsletter action-generate made for an execution, as the API shows it. */
record GeneratedNewsletter(UUID newsletterId, UUID executionId, UUID workspaceId, String subject, String preheader,
        int itemCount, List<UUID> itemIds, boolean llmUsed, boolean testMode, Instant createdAt, String html, String text) {

    /** What {@code ?format=json} answers: everything but the bodies. */
    record Metadata(UUID newsletterId, UUID executionId, String subject, String preheader, int itemCount,
            List<UUID> itemIds, boolean llmUsed, boolean testMode, Instant createdAt) {
    }

    Metadata metadata() {
        return new Metadata(newsletterId, executionId, subject, preheader, itemCount, itemIds, llmUsed, testMode, createdAt);
    }
}

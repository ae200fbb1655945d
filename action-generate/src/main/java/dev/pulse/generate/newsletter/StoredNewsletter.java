package dev.pulse.generate.newsletter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A newsletter as kept for its execution; {@code llmOutput} is the model's accepted rewrite (JSON), so
 * the newsletter can be rebuilt without asking the model again, {@code llmFallback} why none was used.
 */
public record StoredNewsletter(UUID id, UUID executionId, String subject, String preheader, String html, String text,
        int itemCount, List<UUID> itemIds, boolean llmUsed, String llmOutput, String llmFallback, boolean testMode,
        Instant createdAt) {

    public StoredNewsletter {
        itemIds = List.copyOf(itemIds);
    }
}

package dev.pulse.generate.newsletter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A newsletter as kept for its execution. */
public record StoredNewsletter(UUID id, UUID executionId, String subject, String preheader, String html, String text,
        int itemCount, List<UUID> itemIds, boolean llmUsed, boolean testMode, Instant createdAt) {

    public StoredNewsletter {
        itemIds = List.copyOf(itemIds);
    }
}

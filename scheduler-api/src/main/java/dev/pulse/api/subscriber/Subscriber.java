package dev.pulse.api.subscriber;

import java.time.Instant;
import java.util.UUID;

public record Subscriber(UUID id, UUID workspaceId, String email, String name, String status, Instant createdAt,
        Instant unsubscribedAt) {
}

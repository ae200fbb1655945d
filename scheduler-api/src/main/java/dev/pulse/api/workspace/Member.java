package dev.pulse.api.workspace;

import java.time.Instant;
import java.util.UUID;

public record Member(UUID userId, String email, String role, Instant joinedAt) {
}

package dev.pulse.api.workspace;

import java.time.Instant;
import java.util.UUID;

/** A workspace as its member sees it, with that member's role. */
public record Workspace(UUID id, String name, String role, Instant createdAt) {
}

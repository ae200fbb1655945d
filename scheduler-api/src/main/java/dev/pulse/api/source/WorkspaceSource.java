package dev.pulse.api.source;

import java.time.Instant;
import java.util.UUID;

/** A source of a workspace, as the API shows it. {@code limit} is the most items read from it per run. */
public record WorkspaceSource(UUID id, UUID workspaceId, String type, String name, String url, String subreddit,
        String sort, String timeWindow, Integer limit, UUID createdBy, Instant createdAt) {
}

package dev.pulse.api.job;

import java.time.Instant;
import java.util.UUID;

import dev.pulse.contracts.messages.JobStatus;

/** A stored job: its definition and what Pulse keeps about it. */
record Job(
        UUID id,
        UUID workspaceId,
        JobDraft definition,
        JobStatus status,
        long version,
        Instant nextRunAt,
        Instant lastRunAt,
        int totalRuns,
        int successfulRuns,
        int failedRuns,
        UUID createdBy,
        Instant createdAt,
        Instant updatedAt) {

    boolean enabled() {
        return status == JobStatus.ACTIVE;
    }
}

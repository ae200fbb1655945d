package dev.pulse.api.job;

import java.time.Instant;
import java.util.UUID;

import dev.pulse.api.execution.ExecutionStatus;
import dev.pulse.contracts.messages.JobStatus;

/** A stored job: its definition and what Pulse keeps about it. */
public record Job(
        UUID id,
        UUID workspaceId,
        JobDraft definition,
        JobStatus status,
        String statusReason,
        long version,
        Instant nextRunAt,
        Instant lastRunAt,
        ExecutionStatus lastRunStatus,
        String lastError,
        int totalRuns,
        int successfulRuns,
        int failedRuns,
        UUID createdBy,
        Instant createdAt,
        Instant updatedAt) {

    /** Pulse keeps the original's {@code is_enabled}, but as a consequence of status, never on its own. */
    public boolean enabled() {
        return status == JobStatus.ACTIVE;
    }
}

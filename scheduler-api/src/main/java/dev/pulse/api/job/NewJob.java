package dev.pulse.api.job;

import java.util.UUID;

import dev.pulse.contracts.messages.JobStatus;

/** A job to create: where, what, and whether it starts active or disabled. */
public record NewJob(UUID workspaceId, JobDraft draft, JobStatus status) {
}

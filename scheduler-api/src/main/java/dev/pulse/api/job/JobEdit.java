package dev.pulse.api.job;

import dev.pulse.contracts.messages.JobStatus;

/** What an update makes of a job: its whole new definition, and its status (unchanged if the same). */
public record JobEdit(JobDraft draft, JobStatus status) {
}

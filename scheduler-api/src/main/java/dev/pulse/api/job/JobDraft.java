package dev.pulse.api.job;

import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.messages.Schedule;

/** A job definition that passed validation: what create stores and update replaces. */
public record JobDraft(String name, String description, Schedule schedule, Plan plan, JobConfig config) {
}

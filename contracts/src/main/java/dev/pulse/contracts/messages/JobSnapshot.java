package dev.pulse.contracts.messages;

import java.util.Objects;

/** What the ticker needs to know about a job besides its plan and config (which ride in the envelope). */
public record JobSnapshot(String name, JobStatus status, Schedule schedule) {

    public JobSnapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(schedule, "schedule");
    }
}

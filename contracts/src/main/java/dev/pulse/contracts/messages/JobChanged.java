package dev.pulse.contracts.messages;

import java.util.Objects;

/**
 * A full snapshot of a job after a change, keyed by job id on the compacted jobs topic. {@code version}
 * is the job row's version: a reader ignores any version older than one it has seen. A deleted job is
 * a tombstone (a record with no value), not a JobChanged.
 */
public record JobChanged(Envelope envelope, long version, JobSnapshot job) implements PulseMessage {

    public JobChanged {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(job, "job");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
        if (envelope.executionId() != null) {
            throw new IllegalArgumentException("a job change belongs to no execution");
        }
    }
}

package dev.pulse.contracts.messages;

/** A job's lifecycle state. Only an {@code ACTIVE} job fires. */
public enum JobStatus {
    ACTIVE,
    PAUSED,
    DISABLED,
    FAILED
}

package dev.pulse.contracts.messages;

/** Why an execution exists. */
public enum Trigger {
    /** The ticker fired it at a scheduled instant. */
    SCHEDULE,
    /** A user pressed run-now. */
    MANUAL,
    /** An operator re-ran a failed stage from its dead-letter topic. */
    REPLAY
}

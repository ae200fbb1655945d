package dev.pulse.api.outbox;

/** Rows were added to the outbox; after commit the relay wakes up instead of waiting for its next poll. */
record OutboxWritten() {
}

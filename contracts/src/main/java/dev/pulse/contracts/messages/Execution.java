package dev.pulse.contracts.messages;

import java.util.Objects;

final class Execution {

    private Execution() {
    }

    /** Messages about one run of a job must say which run. */
    static void require(Envelope envelope) {
        Objects.requireNonNull(envelope, "envelope");
        if (envelope.executionId() == null) {
            throw new IllegalArgumentException("execution_id is required");
        }
    }
}

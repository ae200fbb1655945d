package dev.pulse.contracts.topics;

/**
 * Headers every service adds to a record it sends to a dead-letter topic, so an operator (or a replay
 * tool) reads the same names whichever service wrote it. Values are UTF-8 text.
 */
public final class DeadLetterHeaders {

    /** Why the record could not be processed, in a sentence. */
    public static final String REASON = "pulse.dlt.reason";

    private DeadLetterHeaders() {
    }
}

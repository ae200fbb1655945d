package dev.pulse.contracts.messages;

import java.util.Objects;

/**
 * A stage gave up on an execution: the error was permanent or retries ran out. The input record is on
 * {@code deadLetterTopic}, from where an operator can replay just this stage.
 */
public record ActionFailed(
        Envelope envelope,
        Action stage,
        String errorCode,
        String errorMessage,
        int attempts,
        String deadLetterTopic) implements PulseMessage {

    public ActionFailed {
        Execution.require(envelope);
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(errorCode, "error_code");
    }
}

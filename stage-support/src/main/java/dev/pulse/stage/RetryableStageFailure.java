package dev.pulse.stage;

import java.util.Objects;

/**
 * A transient failure that has a name (the mail server is unreachable, it refuses our login): retried
 * like any other exception, and if retries run out, {@code code} rather than {@code RETRIES_EXHAUSTED}
 * reaches the execution's history through ActionFailed.
 */
public class RetryableStageFailure extends RuntimeException {

    private final String code;

    public RetryableStageFailure(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public String code() {
        return code;
    }
}

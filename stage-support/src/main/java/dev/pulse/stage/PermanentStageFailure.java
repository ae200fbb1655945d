package dev.pulse.stage;

import java.util.Objects;

/**
 * A failure no retry can fix (the workspace has nothing to send, the input names something that does
 * not exist). {@code code} is machine-readable, upper snake case, and reaches the execution's history
 * through ActionFailed.
 */
public class PermanentStageFailure extends RuntimeException {

    private final String code;

    public PermanentStageFailure(String code, String message) {
        this(code, message, null);
    }

    public PermanentStageFailure(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public String code() {
        return code;
    }
}

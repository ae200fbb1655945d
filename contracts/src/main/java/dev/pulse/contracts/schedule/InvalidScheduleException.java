package dev.pulse.contracts.schedule;

/** A schedule that cannot run, and which of its fields is to blame (API field names). */
public final class InvalidScheduleException extends IllegalArgumentException {

    private final String field;

    public InvalidScheduleException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

package dev.pulse.send.smtp;

/**
 * No message can get through right now, whoever it is for: the server is unreachable or silent, it
 * refuses our login, or it refuses our sender. The whole send pauses rather than failing every
 * recipient in turn. {@code code} names which, for the execution's history.
 */
public class SmtpUnavailableException extends Exception {

    private final String code;

    SmtpUnavailableException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

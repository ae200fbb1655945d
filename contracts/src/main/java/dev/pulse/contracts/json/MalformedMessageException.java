package dev.pulse.contracts.json;

/** The bytes are not JSON, or not the message they were read as. */
public final class MalformedMessageException extends MessageRejectedException {

    MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}

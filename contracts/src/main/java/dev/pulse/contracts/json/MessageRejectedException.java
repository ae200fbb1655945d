package dev.pulse.contracts.json;

/**
 * A record that can never be processed as it is, however often it is retried. Consumers send it to
 * their dead-letter topic at once.
 */
public abstract sealed class MessageRejectedException extends RuntimeException
        permits MalformedMessageException, UnsupportedSchemaVersionException {

    MessageRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}

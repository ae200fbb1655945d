package dev.pulse.scrape.parse;

/** A document that is not a feed Pulse reads, or one refused as unsafe; the message says which and why. */
public class FeedParseException extends Exception {

    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.pulse.scrape.fetch;

import java.time.Instant;

/**
 * A fetch that gave no document, with a reason a user can read. {@code status} is the HTTP status
 * (0 when there was no response); {@code retryAfter} is when the server said to come back, if it did.
 */
public class FetchException extends Exception {

    private final int status;
    private final Instant retryAfter;

    public FetchException(String reason) {
        this(reason, 0, null, null);
    }

    public FetchException(String reason, Throwable cause) {
        this(reason, 0, null, cause);
    }

    public FetchException(String reason, int status, Instant retryAfter, Throwable cause) {
        super(reason, cause);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public Instant retryAfter() {
        return retryAfter;
    }
}

package dev.pulse.scrape.fetch;

import java.time.Instant;

/**
 * A fetch that gave no document, with a reason a user can read. {@code status} is the HTTP status
 * (0 when there was no response); {@code retryAfter} is when the server said to come back, if it did.
 */
public class FetchException extends Exception {

    private final int status;
    private final Instant retryAfter;
    private final boolean ours;

    public FetchException(String reason) {
        this(reason, 0, null, null);
    }

    public FetchException(String reason, Throwable cause) {
        this(reason, 0, null, cause);
    }

    public FetchException(String reason, int status, Instant retryAfter, Throwable cause) {
        this(reason, status, retryAfter, cause, false);
    }

    private FetchException(String reason, int status, Instant retryAfter, Throwable cause, boolean ours) {
        super(reason, cause);
        this.status = status;
        this.retryAfter = retryAfter;
        this.ours = ours;
    }

    /** A failure of this instance (its per-host queue was too long), not of the feed: held against nothing. */
    static FetchException ours(String reason) {
        return new FetchException(reason, 0, null, null, true);
    }

    public boolean ours() {
        return ours;
    }

    public int status() {
        return status;
    }

    public Instant retryAfter() {
        return retryAfter;
    }
}

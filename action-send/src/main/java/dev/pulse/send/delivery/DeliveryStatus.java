package dev.pulse.send.delivery;

/** One recipient's state in the send ledger. */
public enum DeliveryStatus {
    /** Not yet tried. */
    PENDING,
    /** Claimed by a sender; if it stays here, that sender died and the row is claimed again. */
    SENDING,
    /** The SMTP server said 250. */
    SENT,
    /** A 4xx answer: tried again later, with backoff. */
    DEFERRED,
    /** A 5xx answer: the address is rejected for good, never retried. */
    BOUNCED,
    /** Retries ran out. */
    FAILED
}

package dev.pulse.api.subscriber;

/** Whether a subscriber receives newsletters. Only {@code ACTIVE} ones are mailed. */
public enum SubscriberStatus {
    ACTIVE,
    /** Asked to stop (RFC 8058 one-click or the confirmation page). */
    UNSUBSCRIBED,
    /** The mail server rejected the address permanently. */
    BOUNCED
}

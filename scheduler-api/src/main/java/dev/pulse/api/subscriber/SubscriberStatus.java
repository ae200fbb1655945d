package dev.pulse.api.subscriber;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether a subscriber receives newsletters. Only {@code ACTIVE} ones are mailed. */
public enum SubscriberStatus {
    ACTIVE,
    /** Asked to stop (RFC 8058 one-click or the confirmation page). */
    UNSUBSCRIBED,
    /** The mail server rejected the address permanently. */
    BOUNCED;

    /** As the API and the schema write it. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<SubscriberStatus> parse(String value) {
        return Arrays.stream(values()).filter(status -> status.value().equals(value)).findFirst();
    }
}

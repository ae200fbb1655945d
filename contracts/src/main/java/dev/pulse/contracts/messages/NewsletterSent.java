package dev.pulse.contracts.messages;

import java.util.Objects;
import java.util.UUID;

/** The send stage finished: how the recipient list came out. */
public record NewsletterSent(Envelope envelope, UUID newsletterId, int recipients, int sent, int bounced, int failed)
        implements PulseMessage {

    public NewsletterSent {
        Execution.require(envelope);
        Objects.requireNonNull(newsletterId, "newsletter_id");
    }
}

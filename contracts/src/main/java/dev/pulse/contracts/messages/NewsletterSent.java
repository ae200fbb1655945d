package dev.pulse.contracts.messages;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The send stage finished: how the recipient list came out. {@code recipients} is the workspace's
 * subscribers when the send started (in test mode, the job's test emails), and each of them ended
 * exactly one of {@code sent}, {@code bounced} (a 5xx: permanent, the subscriber is flagged),
 * {@code failed} (4xx retries ran out) or {@code skipped} (not active when the list was fixed, or
 * unsubscribed or bounced since). {@code deferred} counts recipients put off by a 4xx at least once,
 * whatever their end, and {@code ambiguous} the messages whose connection was lost after the final dot
 * and before the server's reply (sent again, so possibly delivered twice).
 */
public record NewsletterSent(
        Envelope envelope,
        UUID newsletterId,
        int recipients,
        int sent,
        int deferred,
        int bounced,
        int failed,
        int skipped,
        int ambiguous,
        long durationMs) implements PulseMessage {

    public NewsletterSent {
        Execution.require(envelope);
        Objects.requireNonNull(newsletterId, "newsletter_id");
    }

    /** Some recipients could not be mailed: retries ran out. A bounce is the address's own fault, not the run's. */
    @JsonIgnore
    public boolean partial() {
        return failed > 0;
    }
}

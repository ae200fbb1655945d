package dev.pulse.send.ledger;

/** How a finished send came out; see NewsletterSent for what each count means. */
public record SendOutcome(int recipients, int sent, int deferred, int bounced, int failed, int skipped, int ambiguous,
        long durationMs) {
}

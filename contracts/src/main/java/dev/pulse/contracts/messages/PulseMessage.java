package dev.pulse.contracts.messages;

/** Every message Pulse puts on a topic: an envelope plus the payload of its kind. */
public sealed interface PulseMessage
        permits JobChanged, JobDue, RunMissed, ContentScraped, NewsletterGenerated, NewsletterSent, ActionFailed {

    Envelope envelope();
}

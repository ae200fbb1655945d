package dev.pulse.contracts.messages;

import java.util.Objects;
import java.util.UUID;

/** The generate stage finished: everything the send stage needs to mail the newsletter. */
public record NewsletterGenerated(
        Envelope envelope,
        UUID newsletterId,
        String subject,
        String htmlBody,
        String textBody,
        int itemCount) implements PulseMessage {

    public NewsletterGenerated {
        Execution.require(envelope);
        Objects.requireNonNull(newsletterId, "newsletter_id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(htmlBody, "html_body");
        Objects.requireNonNull(textBody, "text_body");
    }
}

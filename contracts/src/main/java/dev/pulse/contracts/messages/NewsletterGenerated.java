package dev.pulse.contracts.messages;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The generate stage finished: everything the send stage needs to mail the newsletter.
 * {@code itemIds} are the scraped items it shows; {@code llmUsed} says whether a language model's
 * rewrite was accepted (false when none is configured, or it failed and the deterministic text stood);
 * {@code llmFallback} says why the model's text was not used, when one was asked.
 */
public record NewsletterGenerated(
        Envelope envelope,
        UUID newsletterId,
        String subject,
        String htmlBody,
        String textBody,
        int itemCount,
        List<UUID> itemIds,
        boolean llmUsed,
        String llmFallback) implements PulseMessage {

    /**
     * Where each recipient's own one-click unsubscribe URL goes, in both bodies: the send stage replaces
     * it per recipient. Generate never writes a real link there.
     */
    public static final String UNSUBSCRIBE_URL = "{{unsubscribe_url}}";

    public NewsletterGenerated {
        Execution.require(envelope);
        Objects.requireNonNull(newsletterId, "newsletter_id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(htmlBody, "html_body");
        Objects.requireNonNull(textBody, "text_body");
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
    }
}

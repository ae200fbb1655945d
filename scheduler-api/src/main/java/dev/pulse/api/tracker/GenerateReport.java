package dev.pulse.api.tracker;

import java.util.Objects;
import java.util.UUID;

import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.NewsletterGenerated;

/**
 * A NewsletterGenerated as the tracker reads it: without the HTML and text bodies (tens of KB the
 * history never shows; the preview endpoint reads the stored newsletter).
 */
record GenerateReport(Envelope envelope, UUID newsletterId, String subject, int itemCount, boolean llmUsed, String llmFallback) {

    GenerateReport {
        EventReader.requireExecution(envelope);
        Objects.requireNonNull(newsletterId, "newsletter_id");
        Objects.requireNonNull(subject, "subject");
    }

    static GenerateReport of(NewsletterGenerated generated) {
        return new GenerateReport(generated.envelope(), generated.newsletterId(), generated.subject(), generated.itemCount(),
                generated.llmUsed(), generated.llmFallback());
    }
}

package dev.pulse.api.tracker;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.NewsletterGenerated;

/**
 * A NewsletterGenerated as the tracker reads it: without the HTML and text bodies (tens of KB the
 * history never shows; the preview endpoint reads the stored newsletter). They are named as ignored,
 * not left unknown: Jackson would copy unknown properties aside before building a record.
 */
@JsonIgnoreProperties({"html_body", "text_body", "item_ids"})
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

package dev.pulse.api.tracker;

import java.util.List;
import java.util.Locale;

import dev.pulse.contracts.messages.NewsletterSent;
import dev.pulse.contracts.messages.SourceOutcome;
import dev.pulse.contracts.messages.SourceReport;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each stage's event as the execution history shows it: the original's result keys
 * ({@code items_count, sources, days_back}; {@code newsletter_id, items_count};
 * {@code recipients_count, sent_count, failed_count}) plus what Pulse's stages also report.
 */
final class StageResults {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int DEFAULT_DAYS_BACK = 1;

    private StageResults() {
    }

    static StageResult of(ScrapeReport scraped) {
        ObjectNode summary = NODES.objectNode();
        summary.put("items_count", scraped.items());
        summary.put("days_back", scraped.envelope().config().daysBack() == null ? DEFAULT_DAYS_BACK
                : scraped.envelope().config().daysBack());
        ArrayNode sources = summary.putArray("sources");
        for (SourceReport report : scraped.sources()) {
            ObjectNode source = sources.addObject()
                    .put("source", report.source())
                    .put("type", lower(report.type()))
                    .put("outcome", lower(report.outcome()))
                    .put("items_read", report.itemsRead())
                    .put("items_new", report.itemsNew())
                    .put("items_selected", report.itemsSelected());
            if (report.reason() != null) {
                source.put("reason", report.reason());
            }
        }
        List<SourceReport> failed = scraped.sources().stream().filter(s -> s.outcome() == SourceOutcome.FAILED).toList();
        summary.put("failed_sources", failed.size());
        String reason = failed.isEmpty() ? null : failed.size() + " of " + scraped.sources().size() + " sources failed: "
                + String.join("; ", failed.stream().map(s -> s.source() + ": " + s.reason()).toList());
        return new StageResult(summary, !failed.isEmpty(), reason, scraped.envelope().occurredAt(),
                scraped.envelope().messageId());
    }

    static StageResult of(GenerateReport generated) {
        ObjectNode summary = NODES.objectNode()
                .put("newsletter_id", generated.newsletterId().toString())
                .put("subject", generated.subject())
                .put("items_count", generated.itemCount())
                .put("llm_used", generated.llmUsed());
        if (generated.llmFallback() != null) {
            summary.put("llm_fallback", generated.llmFallback());
        }
        return new StageResult(summary, false, null, generated.envelope().occurredAt(), generated.envelope().messageId());
    }

    static StageResult of(NewsletterSent sent) {
        ObjectNode summary = NODES.objectNode()
                .put("newsletter_id", sent.newsletterId().toString())
                .put("recipients_count", sent.recipients())
                .put("sent_count", sent.sent())
                .put("failed_count", sent.failed())
                .put("bounced_count", sent.bounced())
                .put("deferred_count", sent.deferred())
                .put("skipped_count", sent.skipped())
                .put("ambiguous_count", sent.ambiguous())
                .put("duration_ms", sent.durationMs());
        if (sent.envelope().testMode()) {
            summary.put("test_mode", true).put("message", "Test mode: sent only to the job's test emails ("
                    + sent.recipients() + "), not to subscribers");
        }
        String reason = sent.partial() ? sent.failed() + " of " + sent.recipients()
                + " recipients could not be mailed (temporary SMTP errors outlasted the retries)" : null;
        return new StageResult(summary, sent.partial(), reason, sent.envelope().occurredAt(), sent.envelope().messageId());
    }

    static String line(ScrapeReport scraped, StageResult result) {
        return "scrape: " + scraped.items() + " items selected from " + scraped.sources().size() + " sources"
                + (result.partial() ? " (" + result.partialReason() + ")" : "");
    }

    static String line(GenerateReport generated) {
        return "generate: newsletter " + generated.newsletterId() + " \"" + generated.subject() + "\" of "
                + generated.itemCount() + " items";
    }

    static String line(NewsletterSent sent) {
        return "send: " + sent.sent() + " of " + sent.recipients() + " sent, " + sent.bounced() + " bounced, "
                + sent.failed() + " failed, " + sent.skipped() + " skipped" + (sent.envelope().testMode() ? " (test mode)" : "");
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}

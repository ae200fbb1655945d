package dev.pulse.api.tracker;

import java.util.List;

import dev.pulse.contracts.messages.ContentScraped;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.SourceReport;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A ContentScraped as the tracker reads it: its items are counted, not read (they are most of the
 * record, and the history shows only how many were selected).
 */
record ScrapeReport(Envelope envelope, @JsonDeserialize(using = ElementCount.class) Integer items, List<SourceReport> sources) {

    ScrapeReport {
        EventReader.requireExecution(envelope);
        items = items == null ? 0 : items;
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    static ScrapeReport of(ContentScraped scraped) {
        return new ScrapeReport(scraped.envelope(), scraped.items().size(), scraped.sources());
    }
}

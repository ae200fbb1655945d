package dev.pulse.contracts.messages;

import java.util.List;

/** The scrape stage finished: the items it kept, and the sources that failed. */
public record ContentScraped(Envelope envelope, List<ContentItem> items, List<SourceFailure> failedSources)
        implements PulseMessage {

    public ContentScraped {
        Execution.require(envelope);
        items = items == null ? List.of() : List.copyOf(items);
        failedSources = failedSources == null ? List.of() : List.copyOf(failedSources);
    }
}

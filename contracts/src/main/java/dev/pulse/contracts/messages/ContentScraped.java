package dev.pulse.contracts.messages;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The scrape stage finished: the items selected for generate (newest first) and how each source went.
 * At least one source was read, or its stored items counted; a failed source makes the run partial.
 */
public record ContentScraped(Envelope envelope, List<ContentItem> items, List<SourceReport> sources)
        implements PulseMessage {

    public ContentScraped {
        Execution.require(envelope);
        items = items == null ? List.of() : List.copyOf(items);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** Some source could not be read in this execution. */
    @JsonIgnore
    public boolean partial() {
        return sources.stream().anyMatch(s -> s.outcome() == SourceOutcome.FAILED);
    }
}

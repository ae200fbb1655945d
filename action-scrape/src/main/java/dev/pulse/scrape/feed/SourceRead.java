package dev.pulse.scrape.feed;

import java.util.UUID;

import dev.pulse.contracts.messages.SourceOutcome;
import dev.pulse.scrape.source.ScrapeSource;

/**
 * How one source was read for a run. {@code feedId} is null when not even its feed could be found (a
 * blog without one); {@code unusable} marks failures a retry now will not fix (not a feed, refused by
 * the guard, gone).
 */
public record SourceRead(ScrapeSource source, UUID feedId, String feedTitle, SourceOutcome outcome, String reason,
        int itemsRead, int itemsNew, boolean unusable) {

    SourceRead reused() {
        return outcome == SourceOutcome.FAILED ? this
                : new SourceRead(source, feedId, feedTitle, SourceOutcome.REUSED, null, itemsRead, 0, false);
    }
}

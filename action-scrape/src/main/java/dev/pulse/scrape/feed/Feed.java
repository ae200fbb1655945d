package dev.pulse.scrape.feed;

import java.time.Instant;
import java.util.UUID;

/** A stored feed or listing and what its last fetches left: validators, freshness, failures, how many items it held. */
record Feed(UUID id, String key, String title, String etag, String lastModified, Instant freshUntil, Instant nextFetchNotBefore,
        int consecutiveFailures, String lastError, int itemsRead, String fetchUrl) {

    /** A feed no run has read yet: nothing known but its key. */
    static Feed unknown(String key) {
        return new Feed(FeedRepository.feedId(key), key, null, null, null, null, null, 0, null, 0, null);
    }

    /** Where to fetch it: where it moved permanently, else its key. */
    String location() {
        return fetchUrl != null ? fetchUrl : key;
    }

    boolean freshAt(Instant now) {
        return freshUntil != null && freshUntil.isAfter(now);
    }

    boolean heldAt(Instant now) {
        return nextFetchNotBefore != null && nextFetchNotBefore.isAfter(now);
    }
}

package dev.pulse.scrape.feed;

/** How the last fetch of a source went. */
public enum FetchOutcome {
    FETCHED,
    /** The server answered 304: nothing new since the last ETag or Last-Modified. */
    NOT_MODIFIED,
    FAILED
}

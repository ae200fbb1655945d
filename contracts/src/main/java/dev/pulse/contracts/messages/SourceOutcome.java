package dev.pulse.contracts.messages;

/** How one source was read in one execution. */
public enum SourceOutcome {
    /** Fetched and parsed now. */
    FETCHED,
    /** The server answered 304: nothing changed since the last fetch. */
    NOT_MODIFIED,
    /** Fetched recently enough (by another execution) that the stored items were used without a request. */
    REUSED,
    /** Could not be read now; the items already known for it still count. */
    FAILED
}

package dev.pulse.contracts.messages;

/** The pipeline stages, in the only order they can run. */
public enum Action {
    SCRAPE,
    GENERATE,
    SEND
}

package dev.pulse.contracts.messages;

/** Where content comes from. */
public enum SourceType {
    RSS,
    ATOM,
    REDDIT
}

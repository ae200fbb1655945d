package dev.pulse.contracts.messages;

/** A source that could not be read in this execution, and why; the others still count. */
public record SourceFailure(String source, String reason) {
}

package dev.pulse.contracts.messages;

import java.util.Objects;

/**
 * What one source gave an execution: how it was read ({@code reason} says why it failed),
 * {@code itemsRead} the items its document or listing held, {@code itemsNew} those not stored before,
 * {@code itemsSelected} those in this execution's result.
 */
public record SourceReport(String source, SourceType type, SourceOutcome outcome, String reason, int itemsRead,
        int itemsNew, int itemsSelected) {

    public SourceReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(outcome, "outcome");
    }
}

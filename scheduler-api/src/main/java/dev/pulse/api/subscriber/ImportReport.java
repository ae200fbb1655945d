package dev.pulse.api.subscriber;

import java.util.List;

/**
 * How a bulk import went. {@code merged} counts addresses already subscribed or repeated in the import
 * (case-insensitively): they are kept once and not changed, so an import never resubscribes anyone
 * who unsubscribed.
 */
public record ImportReport(int received, int imported, int merged, List<RejectedRow> rejected) {

    /** {@code row} counts from 1, as people number lines (a CSV header is row 1). */
    public record RejectedRow(int row, String value, String reason) {
    }
}

package dev.pulse.api.execution;

import java.time.Instant;

/**
 * A job's record so far, with the original's names. {@code success_rate} is successful runs as a
 * percentage (two decimals) of finished ones (completed, partial, failed); 0 when none has finished.
 * {@code missed} (instants that passed beyond their misfire grace), the 95th percentile of durations and
 * the last execution in brief are Pulse's additions; durations are of finished runs.
 */
public record ExecutionStats(
        long totalExecutions,
        long successful,
        long failed,
        long partial,
        long missed,
        double successRate,
        Double avgDurationSeconds,
        Double p95DurationSeconds,
        Instant lastExecutionAt,
        LastExecution lastExecution) {

    /** The latest execution in brief, so a dashboard shows it without a second call. */
    public record LastExecution(java.util.UUID id, String status, Instant scheduledFor, Instant startedAt, Instant completedAt,
            String errorMessage) {

        static LastExecution of(ExecutionView view) {
            return new LastExecution(view.id(), view.status(), view.scheduledFor(), view.startedAt(), view.completedAt(),
                    view.errorMessage());
        }
    }
}

package dev.pulse.api.execution;

import java.time.Instant;

/**
 * A job's record so far, with the original's names. {@code success_rate} is successful runs as a
 * percentage (two decimals) of finished ones (completed, partial, failed); 0 when none has finished.
 * {@code missed} (instants that passed beyond their misfire grace) is Pulse's addition.
 */
public record ExecutionStats(
        long totalExecutions,
        long successful,
        long failed,
        long partial,
        long missed,
        double successRate,
        Double avgDurationSeconds,
        Instant lastExecutionAt) {
}

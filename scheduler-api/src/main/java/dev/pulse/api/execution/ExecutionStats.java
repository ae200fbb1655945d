package dev.pulse.api.execution;

import java.time.Instant;

/**
 * A job's record so far. {@code success_rate} is successful runs as a percentage of finished ones
 * (completed, partial, failed); 0 when none has finished.
 */
public record ExecutionStats(
        long totalExecutions,
        long successfulExecutions,
        long failedExecutions,
        long partialExecutions,
        double successRate,
        Double avgDurationSeconds,
        Instant lastExecutionAt) {
}

package dev.pulse.api.tracker;

import java.time.Instant;
import java.util.UUID;

import dev.pulse.api.execution.ExecutionStatus;

/**
 * What one batch of events changed for one job: runs finished (or reopened by a replay), and the next instant as the ticker announced it with the instant it fired ({@code dueFor}).
 */
record JobProgress(UUID jobId, int finished, int succeeded, int failed, Instant dueFor, Instant next, boolean statusChanged) {

    static JobProgress of(UUID jobId) {
        return new JobProgress(jobId, 0, 0, 0, null, null, false);
    }

    JobProgress moved(ExecutionStatus before, ExecutionStatus after) {
        return new JobProgress(jobId, finished + delta(finished(before), finished(after)),
                succeeded + delta(before == ExecutionStatus.COMPLETED, after == ExecutionStatus.COMPLETED),
                failed + delta(before == ExecutionStatus.FAILED, after == ExecutionStatus.FAILED), dueFor, next,
                statusChanged || before != after);
    }

    JobProgress announced(Instant scheduledFor, Instant nextScheduledFor) {
        if (nextScheduledFor == null || dueFor != null && !scheduledFor.isAfter(dueFor)) {
            return this;
        }
        return new JobProgress(jobId, finished, succeeded, failed, scheduledFor, nextScheduledFor, statusChanged);
    }

    /** Whether the job's row needs writing: counters, next run, or which run is latest and how it stands. */
    boolean changed() {
        return statusChanged || next != null;
    }

    private static boolean finished(ExecutionStatus status) {
        return status == ExecutionStatus.COMPLETED || status == ExecutionStatus.PARTIAL || status == ExecutionStatus.FAILED;
    }

    private static int delta(boolean before, boolean after) {
        return (after ? 1 : 0) - (before ? 1 : 0);
    }
}

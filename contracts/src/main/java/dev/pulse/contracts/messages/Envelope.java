package dev.pulse.contracts.messages;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The fields every message carries, so any stage can act on, trace or dead-letter a message without
 * looking anything up. {@code executionId} and {@code trigger} are absent only on {@link JobChanged},
 * which describes a job rather than one run of it; {@code replayOf} is set only on replays.
 */
public record Envelope(
        UUID messageId,
        int schemaVersion,
        Instant occurredAt,
        UUID jobId,
        UUID workspaceId,
        UUID executionId,
        Trigger trigger,
        UUID replayOf,
        boolean testMode,
        Plan plan,
        JobConfig config) {

    /** The schema version this build writes, and the only one it reads. */
    public static final int SCHEMA_VERSION = 1;

    public Envelope {
        Objects.requireNonNull(messageId, "message_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(jobId, "job_id");
        Objects.requireNonNull(workspaceId, "workspace_id");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(config, "config");
        if ((executionId == null) != (trigger == null)) {
            throw new IllegalArgumentException("execution_id and trigger are set together");
        }
        if (replayOf != null && trigger != Trigger.REPLAY) {
            throw new IllegalArgumentException("replay_of is only set on replays");
        }
    }

    /** The envelope of a job definition change (no execution). */
    public static Envelope forJob(UUID jobId, UUID workspaceId, Plan plan, JobConfig config, Instant now) {
        return new Envelope(UUID.randomUUID(), SCHEMA_VERSION, now, jobId, workspaceId, null, null, null,
                config.testMode(), plan, config);
    }

    /** The envelope of the first message of one execution. */
    public static Envelope forExecution(UUID executionId, Trigger trigger, UUID replayOf, boolean testMode,
            UUID jobId, UUID workspaceId, Plan plan, JobConfig config, Instant now) {
        Objects.requireNonNull(executionId, "execution_id");
        return new Envelope(UUID.randomUUID(), SCHEMA_VERSION, now, jobId, workspaceId, executionId, trigger,
                replayOf, testMode, plan, config);
    }

    /** The envelope of the next message in the same execution: a new message id, the same context. */
    public Envelope next(Instant now) {
        return new Envelope(UUID.randomUUID(), SCHEMA_VERSION, now, jobId, workspaceId, executionId, trigger,
                replayOf, testMode, plan, config);
    }
}

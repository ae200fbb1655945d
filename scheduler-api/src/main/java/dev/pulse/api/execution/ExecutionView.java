package dev.pulse.api.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * One execution as the history shows it: the original's fields, plus what Pulse adds (the job's name,
 * trigger, replay_of, test_mode, the plan as {@code actions}, scheduled_for, and for a failure its
 * error_code and failed_stage; replay_count and parked_at for replays). {@code execution_log} is a list
 * of {@code {at, message}} lines.
 */
public record ExecutionView(
        UUID id,
        UUID jobId,
        UUID workspaceId,
        String jobName,
        String trigger,
        UUID replayOf,
        boolean testMode,
        List<String> actions,
        List<String> actionsPerformed,
        String status,
        Instant scheduledFor,
        Instant startedAt,
        Instant completedAt,
        BigDecimal durationSeconds,
        JsonNode scrapeResult,
        JsonNode generateResult,
        JsonNode sendResult,
        String errorMessage,
        String errorCode,
        String failedStage,
        JsonNode errorDetails,
        JsonNode executionLog,
        int replayCount,
        Instant parkedAt,
        Instant createdAt) {
}

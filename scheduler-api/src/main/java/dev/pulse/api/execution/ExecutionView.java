package dev.pulse.api.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** One execution as the history and activity feed show it. */
public record ExecutionView(
        UUID id,
        UUID jobId,
        String jobName,
        String trigger,
        UUID replayOf,
        boolean testMode,
        List<String> actions,
        String status,
        Instant scheduledFor,
        Instant startedAt,
        Instant completedAt,
        BigDecimal durationSeconds,
        JsonNode scrapeResult,
        JsonNode generateResult,
        JsonNode sendResult,
        String errorMessage,
        Instant createdAt) {
}

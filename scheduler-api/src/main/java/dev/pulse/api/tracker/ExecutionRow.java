package dev.pulse.api.tracker;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.pulse.api.execution.ExecutionStatus;
import dev.pulse.contracts.messages.Action;
import tools.jackson.databind.JsonNode;

/** The visible columns of one scheduler_executions row, derived from its facts. */
record ExecutionRow(
        ExecutionFacts facts,
        ExecutionStatus status,
        Instant startedAt,
        Instant completedAt,
        BigDecimal durationSeconds,
        List<Action> actionsPerformed,
        JsonNode scrapeResult,
        JsonNode generateResult,
        JsonNode sendResult,
        String errorMessage,
        String errorCode,
        Action failedStage,
        JsonNode errorDetails,
        JsonNode log) {
}

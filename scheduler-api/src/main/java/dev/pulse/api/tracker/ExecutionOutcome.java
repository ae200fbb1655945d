package dev.pulse.api.tracker;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.pulse.api.execution.ExecutionStatus;
import dev.pulse.contracts.messages.Action;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where an execution stands, from its facts alone. It has failed when a stage of its plan failed last
 * (and no replay of it is running); it is complete when every stage of its plan succeeded last, and
 * partial if any of those results was. It completes when the last of them reported.
 */
final class ExecutionOutcome {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExecutionOutcome() {
    }

    static ExecutionRow derive(ExecutionFacts facts) {
        List<Action> plan = facts.plan() == null ? List.of() : facts.plan();
        Optional<Action> failed = plan.stream()
                .filter(stage -> facts.stage(stage).failedLast() && stage != facts.replay().pending()).findFirst();
        boolean allDone = !plan.isEmpty() && plan.stream().allMatch(stage -> facts.stage(stage).succeededLast());
        boolean anyPartial = plan.stream().anyMatch(stage -> facts.stage(stage).succeededLast() && facts.stage(stage).result().partial());
        boolean anyReport = plan.stream().anyMatch(stage -> facts.stage(stage).result() != null || facts.stage(stage).failure() != null);

        ExecutionStatus status;
        if (failed.isPresent()) {
            status = ExecutionStatus.FAILED;
        } else if (facts.replay().pending() != null) {
            status = ExecutionStatus.RUNNING;
        } else if (allDone) {
            status = anyPartial ? ExecutionStatus.PARTIAL : ExecutionStatus.COMPLETED;
        } else if (facts.missed() != null && facts.dueAt() == null && !anyReport) {
            status = ExecutionStatus.MISSED;
        } else {
            status = facts.firstEventAt() == null ? ExecutionStatus.PENDING : ExecutionStatus.RUNNING;
        }

        Instant started = status == ExecutionStatus.MISSED ? null : facts.dueAt() != null ? facts.dueAt() : facts.firstEventAt();
        Instant completed = switch (status) {
            case COMPLETED, PARTIAL -> plan.stream().map(stage -> facts.stage(stage).result().at()).reduce(ExecutionFold::later).orElse(null);
            case FAILED -> facts.stage(failed.get()).failure().at();
            default -> null;
        };
        if (completed != null && started != null && completed.isBefore(started)) {
            completed = started; // another machine's clock; a run never ends before it starts
        }
        BigDecimal duration = completed == null || started == null ? null
                : BigDecimal.valueOf(Duration.between(started, completed).toMillis(), 3);
        List<Action> performed = plan.stream().filter(stage -> facts.stage(stage).result() != null).toList();

        String errorMessage = null;
        String errorCode = null;
        ObjectNode details = null;
        if (failed.isPresent()) {
            StageFailure failure = facts.stage(failed.get()).failure();
            errorCode = failure.code();
            errorMessage = ExecutionFold.lower(failed.get()) + " failed: " + (failure.message() == null ? failure.code() : failure.message());
            details = NODES.objectNode().put("stage", ExecutionFold.lower(failed.get())).put("error_code", failure.code())
                    .put("attempts", failure.attempts()).put("dead_letter_topic", failure.deadLetterTopic())
                    .put("failed_at", failure.at().toString());
        } else if (status == ExecutionStatus.PARTIAL) {
            errorMessage = String.join("; ", plan.stream().map(stage -> facts.stage(stage).result())
                    .filter(StageResult::partial).map(StageResult::partialReason).toList());
            details = NODES.objectNode();
            ArrayNode stages = details.putArray("partial_stages");
            plan.stream().filter(stage -> facts.stage(stage).result().partial()).forEach(stage -> stages.add(ExecutionFold.lower(stage)));
        } else if (status == ExecutionStatus.MISSED) {
            errorMessage = "Not run: scheduled for " + facts.missed().scheduledFor() + ", it passed beyond the misfire grace ("
                    + facts.missed().graceSeconds() + " s) while no ticker ran";
        }
        if (facts.replay().parkedAt() != null && details != null) {
            details.put("parked", true).put("parked_at", facts.replay().parkedAt().toString())
                    .put("replays", facts.replay().count());
            errorMessage += " (parked after " + facts.replay().count() + " replays without success; not replayed again)";
        }
        return new ExecutionRow(facts, status, started, completed, duration, performed,
                summary(facts, Action.SCRAPE), summary(facts, Action.GENERATE), summary(facts, Action.SEND),
                errorMessage, errorCode, failed.orElse(null), details, log(facts));
    }

    private static JsonNode summary(ExecutionFacts facts, Action stage) {
        StageResult result = facts.stage(stage).result();
        return result == null ? null : result.summary();
    }

    private static JsonNode log(ExecutionFacts facts) {
        ArrayNode lines = NODES.arrayNode();
        if (facts.logTruncated()) {
            lines.addObject().put("at", facts.log().get(0).at().toString()).put("message", "(earlier lines dropped)");
        }
        for (LogLine line : facts.log()) {
            lines.addObject().put("at", line.at().toString()).put("message", line.message());
        }
        return lines;
    }
}

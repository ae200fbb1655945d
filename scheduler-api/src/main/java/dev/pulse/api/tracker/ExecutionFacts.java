package dev.pulse.api.tracker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.Trigger;

/**
 * Everything the tracker knows about one execution, as stored in {@code fold_state}. Each event is
 * merged by rules that do not depend on arrival order (earliest start, latest result, a log line per
 * message), so any order and any number of deliveries of the same events give equal facts.
 * {@code trigger} is the execution's own trigger: a replay's events do not change it.
 */
public record ExecutionFacts(
        UUID executionId,
        UUID jobId,
        UUID workspaceId,
        Trigger trigger,
        boolean testMode,
        List<Action> plan,
        Instant scheduledFor,
        Instant dueAt,
        Instant firstEventAt,
        MissedRun missed,
        Map<Action, StageFacts> stages,
        List<LogLine> log,
        boolean logTruncated,
        ReplayState replay) {

    /** Lines kept per execution; beyond it the earliest go (each replay adds a handful). */
    static final int MAX_LOG_LINES = 200;

    public ExecutionFacts {
        stages = stages == null ? Map.of() : Collections.unmodifiableMap(copy(stages));
        log = log == null ? List.of() : List.copyOf(log);
        replay = replay == null ? ReplayState.NONE : replay;
    }

    static ExecutionFacts empty(UUID executionId) {
        return new ExecutionFacts(executionId, null, null, null, false, null, null, null, null, null, null, null, false, null);
    }

    public StageFacts stage(Action action) {
        return stages.getOrDefault(action, StageFacts.NONE);
    }

    boolean seen(UUID key) {
        return log.stream().anyMatch(line -> line.key().equals(key));
    }

    /** The execution's identity, from whichever of its events came first. */
    ExecutionFacts identifiedBy(Envelope envelope) {
        Trigger own = trigger == null || trigger == Trigger.REPLAY && envelope.trigger() != Trigger.REPLAY
                ? envelope.trigger() : trigger;
        Instant first = firstEventAt == null || envelope.occurredAt().isBefore(firstEventAt) ? envelope.occurredAt() : firstEventAt;
        return new ExecutionFacts(executionId, envelope.jobId(), envelope.workspaceId(), own, envelope.testMode(),
                envelope.plan().actions(), scheduledFor, dueAt, first, missed, stages, log, logTruncated, replay);
    }

    /** A JobDue: when it was scheduled for (the same on every JobDue of one execution) and first due. */
    ExecutionFacts due(Instant scheduled, Instant at, boolean replayed) {
        Instant earliest = replayed ? dueAt : dueAt == null || at.isBefore(dueAt) ? at : dueAt;
        return new ExecutionFacts(executionId, jobId, workspaceId, trigger, testMode, plan, earlier(scheduledFor, scheduled),
                earliest, firstEventAt, missed, stages, log, logTruncated, replay);
    }

    ExecutionFacts missed(MissedRun run) {
        return new ExecutionFacts(executionId, jobId, workspaceId, trigger, testMode, plan,
                earlier(scheduledFor, run.scheduledFor()), dueAt, firstEventAt, run, stages, log, logTruncated, replay);
    }

    ExecutionFacts with(Action action, StageFacts facts) {
        Map<Action, StageFacts> next = copy(stages);
        next.put(action, facts);
        return new ExecutionFacts(executionId, jobId, workspaceId, trigger, testMode, plan, scheduledFor, dueAt,
                firstEventAt, missed, next, log, logTruncated, replay);
    }

    public ExecutionFacts logged(LogLine line) {
        if (seen(line.key())) {
            return this;
        }
        List<LogLine> lines = new ArrayList<>(log);
        lines.add(line);
        Collections.sort(lines);
        boolean truncated = logTruncated;
        while (lines.size() > MAX_LOG_LINES) {
            lines.remove(0);
            truncated = true;
        }
        return new ExecutionFacts(executionId, jobId, workspaceId, trigger, testMode, plan, scheduledFor, dueAt,
                firstEventAt, missed, stages, lines, truncated, replay);
    }

    public ExecutionFacts withReplay(ReplayState state) {
        return new ExecutionFacts(executionId, jobId, workspaceId, trigger, testMode, plan, scheduledFor, dueAt,
                firstEventAt, missed, stages, log, logTruncated, state);
    }

    private static Instant earlier(Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }

    private static Map<Action, StageFacts> copy(Map<Action, StageFacts> stages) {
        Map<Action, StageFacts> copy = new EnumMap<>(Action.class);
        copy.putAll(stages);
        return copy;
    }
}

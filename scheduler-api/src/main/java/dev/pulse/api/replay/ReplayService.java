package dev.pulse.api.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.pulse.api.auth.CurrentUser;
import dev.pulse.api.execution.ExecutionRepository;
import dev.pulse.api.execution.ExecutionStatus;
import dev.pulse.api.execution.ExecutionView;
import dev.pulse.api.outbox.OutboxWriter;
import dev.pulse.api.tracker.ExecutionFacts;
import dev.pulse.api.tracker.ExecutionTracking;
import dev.pulse.api.tracker.ExecutionTracking.Current;
import dev.pulse.api.tracker.LogLine;
import dev.pulse.api.tracker.StageFailure;
import dev.pulse.api.tracker.TopicRecord;
import dev.pulse.api.web.ApiException;
import dev.pulse.api.workspace.MemberRole;
import dev.pulse.api.workspace.WorkspaceAccess;
import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.json.MessageRejectedException;
import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.PulseMessage;
import dev.pulse.contracts.topics.Topic;

/**
 * Re-runs a failed or partial execution from the stage that failed: its input is read back (the
 * dead letter for a failure, else the stage's last input on its topic) and published again through
 * the outbox, in the same transaction that records the replay. One replay at a time per execution; an
 * execution replayed {@code max-replays} times without success is parked.
 */
@Service
@EnableConfigurationProperties(ReplayProperties.class)
public class ReplayService {

    /** How far before a failure its dead letter is looked for (the stage's clock and the broker's may differ). */
    private static final Duration DEAD_LETTER_SLACK = Duration.ofMinutes(10);

    private final ExecutionRepository executions;
    private final ExecutionTracking tracking;
    private final WorkspaceAccess access;
    private final OutboxWriter outbox;
    private final TopicRecords topics;
    private final MessageCodec codec;
    private final TransactionTemplate transactions;
    private final ReplayProperties properties;
    private final Clock clock;

    ReplayService(ExecutionRepository executions, ExecutionTracking tracking, WorkspaceAccess access, OutboxWriter outbox,
            TopicRecords topics, MessageCodec codec, TransactionTemplate transactions, ReplayProperties properties, Clock clock) {
        this.executions = executions;
        this.tracking = tracking;
        this.access = access;
        this.outbox = outbox;
        this.topics = topics;
        this.codec = codec;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a replay published: which stage runs again, the how-manieth replay it is, and from which record. */
    public record Replayed(UUID executionId, String stage, int replay, int attempt, String inputFrom, String status) {
    }

    public Replayed replay(CurrentUser user, UUID executionId) {
        ExecutionView view = executions.find(executionId).orElseThrow(() -> ApiException.notFound("execution"));
        access.require(view.workspaceId(), user, MemberRole.EDITOR, "execution");
        try {
            Current current = inTransaction(() -> eligible(executionId, null));
            Action stage = stageToReplay(current);
            ConsumerRecord<String, byte[]> record = input(current, stage)
                    .orElseThrow(() -> new ReplayRefusedException("The input of " + lower(stage) + " is no longer on the topics "
                            + "(past their retention); rewind the stage's consumer group or run the job again (docs/operations.md)"));
            Topic topic = sourceOf(record);
            return publish(executionId, stage, at -> ReplayInput.of(topic, record, executionId, codec, at), "user " + user.id());
        } catch (ReplayRefusedException e) {
            throw ApiException.conflict("execution_id", e.getMessage());
        }
    }

    /** One candidate of a bulk replay: the dead letter, and what was (or, in a dry run, would be) done with it. */
    public record Candidate(UUID executionId, int partition, long offset, Instant deadLetteredAt, String action, String reason) {
    }

    public record BulkReplay(String deadLetterTopic, Instant from, Instant to, boolean dryRun, int replayed, int skipped,
            List<Candidate> candidates) {
    }

    /**
     * Replays every execution whose dead letter on {@code deadLetterTopic} is stamped within the window: the
     * latest dead letter of each, if that execution is still failed at that stage. {@code dryRun} lists the
     * same decisions and changes nothing.
     */
    public BulkReplay bulk(String deadLetterTopic, Instant from, Instant to, boolean dryRun, String operator) {
        DeadLetterTopics.StageDeadLetters letters = DeadLetterTopics.named(deadLetterTopic).orElseThrow(() -> ApiException.invalid(
                "dead_letter_topic", "not a stage's dead-letter topic; one of " + String.join(", ", DeadLetterTopics.names())));
        Map<String, ConsumerRecord<String, byte[]>> latest = new LinkedHashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : topics.between(deadLetterTopic, from, to)) {
            if (record.key() == null) {
                candidates.add(candidate(null, record, "skip", "no key: not an execution's record"));
            } else {
                latest.merge(record.key(), record, (a, b) -> b.timestamp() >= a.timestamp() ? b : a);
            }
        }
        int replayed = 0;
        for (ConsumerRecord<String, byte[]> record : latest.values().stream()
                .sorted(Comparator.comparingLong(ConsumerRecord<String, byte[]>::timestamp)).toList()) {
            UUID executionId;
            try {
                PulseMessage message = codec.decode(record.value(), letters.source().messageType());
                executionId = message.envelope().executionId();
            } catch (MessageRejectedException e) {
                candidates.add(candidate(null, record, "skip", "unreadable: " + e.getMessage()));
                continue;
            }
            try {
                Current current = inTransaction(() -> eligible(executionId, letters));
                ReplayInput.of(letters.source(), record, executionId, codec, clock.instant()); // readable as the stage reads it
                if (!dryRun) {
                    publish(executionId, letters.stage(), at -> ReplayInput.of(letters.source(), record, executionId, codec, at),
                            "operator " + operator + " (bulk replay of " + deadLetterTopic + ")");
                    replayed++;
                }
                candidates.add(candidate(executionId, record, dryRun ? "would_replay" : "replayed",
                        "replay " + (current.facts().replay().count() + 1) + " of " + properties.maxReplays()));
            } catch (ReplayRefusedException e) {
                candidates.add(candidate(executionId, record, "skip", e.getMessage()));
            }
        }
        int skipped = (int) candidates.stream().filter(c -> c.action().equals("skip")).count();
        return new BulkReplay(deadLetterTopic, from, to, dryRun, replayed, skipped, candidates);
    }

    /**
     * The execution, if it may be replayed now; at the limit it is parked (committed) and refused.
     * {@code letters}, for a bulk replay, also requires it to have failed at that stage with that dead letter.
     */
    private Current eligible(UUID executionId, DeadLetterTopics.StageDeadLetters letters) {
        Current current = tracking.lockForChange(executionId)
                .orElseThrow(() -> new ReplayRefusedException("No execution " + executionId + " is recorded"));
        ExecutionFacts facts = current.facts();
        if (facts.replay().parkedAt() != null) {
            throw new ReplayRefusedException("Parked after " + facts.replay().count() + " replays without success; "
                    + "fix the cause and run the job again");
        }
        if (facts.replay().pending() != null) {
            throw new ReplayRefusedException("A replay of " + lower(facts.replay().pending()) + " is already running");
        }
        if (current.status() != ExecutionStatus.FAILED && current.status() != ExecutionStatus.PARTIAL) {
            throw new ReplayRefusedException("Only a failed or partial execution is replayed; this one is " + current.status().value());
        }
        if (letters != null && (current.failedStage() != letters.stage()
                || !letters.name().equals(facts.stage(letters.stage()).failure().deadLetterTopic()))) {
            throw new ReplayRefusedException("Not failed at " + lower(letters.stage()) + " with this dead letter any more ("
                    + current.status().value() + ")");
        }
        if (facts.replay().count() >= properties.maxReplays()) {
            Instant now = clock.instant();
            tracking.save(current, facts.withReplay(facts.replay().parked(now)).logged(new LogLine(now,
                    "parked: replayed " + facts.replay().count() + " times without success; not replayed again", UUID.randomUUID())));
            throw new ParkedException("Parked after " + facts.replay().count() + " replays without success (the limit is "
                    + properties.maxReplays() + "); fix the cause and run the job again");
        }
        return current;
    }

    /** A refusal whose parking must be kept: the transaction commits, then the refusal is thrown. */
    private static final class ParkedException extends RuntimeException {
        ParkedException(String message) {
            super(message);
        }
    }

    private Replayed publish(UUID executionId, Action stage, java.util.function.Function<Instant, ReplayInput> inputAt, String who) {
        return inTransaction(() -> {
            Current current = eligible(executionId, null);
            ExecutionFacts facts = current.facts();
            int replay = facts.replay().count() + 1;
            Instant now = clock.instant();
            // the input goes out just after the request that sent it, so the log reads in that order
            ReplayInput input = inputAt.apply(now.plusNanos(1_000));
            outbox.replayed(input.topic(), executionId, input.payload());
            tracking.save(current, facts.withReplay(facts.replay().requested(stage, now)).logged(new LogLine(now,
                    "replay " + replay + " of " + lower(stage) + " requested by " + who + ": attempt " + (replay + 1)
                            + ", input from " + input.from(), UUID.randomUUID())));
            return new Replayed(executionId, lower(stage), replay, replay + 1, input.from(), ExecutionStatus.RUNNING.value());
        });
    }

    /** A failed execution replays the stage that failed; a partial one the last stage whose result was partial. */
    private static Action stageToReplay(Current current) {
        if (current.status() == ExecutionStatus.FAILED) {
            return current.failedStage();
        }
        List<Action> partial = current.facts().plan().stream()
                .filter(stage -> current.facts().stage(stage).result() != null && current.facts().stage(stage).result().partial())
                .toList();
        return partial.get(partial.size() - 1);
    }

    private Optional<ConsumerRecord<String, byte[]>> input(Current current, Action stage) {
        String key = current.facts().executionId().toString();
        StageFailure failure = current.facts().stage(stage).failure();
        if (current.status() == ExecutionStatus.FAILED && failure != null && failure.deadLetterTopic() != null) {
            Optional<ConsumerRecord<String, byte[]>> deadLetter = topics.since(failure.deadLetterTopic(), failure.partition(),
                    failure.at().minus(DEAD_LETTER_SLACK)).stream().filter(record -> key.equals(record.key()))
                    .reduce((first, second) -> second);
            if (deadLetter.isPresent()) {
                return deadLetter;
            }
        }
        TopicRecord last = current.facts().stage(stage).input();
        return last == null ? Optional.empty() : topics.at(last.topic(), last.partition(), last.offset());
    }

    private static Topic sourceOf(ConsumerRecord<String, byte[]> record) {
        return DeadLetterTopics.named(record.topic()).map(DeadLetterTopics.StageDeadLetters::source)
                .or(() -> DeadLetterTopics.inputTopic(record.topic()))
                .orElseThrow(() -> new ReplayRefusedException("Do not know what " + record.topic() + " holds"));
    }

    /** Runs {@code work} in a transaction; a parking is committed first, then refused. */
    private <T> T inTransaction(Supplier<T> work) {
        List<ParkedException> parked = new ArrayList<>(1);
        T result = transactions.execute(status -> {
            try {
                return work.get();
            } catch (ParkedException e) {
                parked.add(e);
                return null;
            }
        });
        if (!parked.isEmpty()) {
            throw new ReplayRefusedException(parked.get(0).getMessage());
        }
        return result;
    }

    private static Candidate candidate(UUID executionId, ConsumerRecord<?, ?> record, String action, String reason) {
        return new Candidate(executionId, record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()), action, reason);
    }

    private static String lower(Action action) {
        return action.name().toLowerCase(java.util.Locale.ROOT);
    }
}

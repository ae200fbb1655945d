package dev.pulse.api.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.pulse.api.execution.ExecutionStatus;
import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.Trigger;
import dev.pulse.contracts.topics.Topics;

/** The fold alone: any order, any number of deliveries, the same row; and what each outcome looks like. */
class ExecutionFoldTest {

    private static final Instant EIGHT = Instant.parse("2026-12-01T08:00:00Z");
    private final Events run = new Events(UUID.randomUUID(), UUID.randomUUID(), EIGHT, Action.SCRAPE, Action.GENERATE, Action.SEND);

    @Test
    void aCompleteRunFoldsToTheSameRowInEveryOrderAndWithRedeliveries() {
        List<TrackedEvent> events = List.of(run.tracked(run.due(0)), run.tracked(run.scraped(2, false)),
                run.tracked(run.generated(3)), run.tracked(run.sent(Trigger.SCHEDULE, 6, 0)));
        ExecutionRow inOrder = fold(events);

        assertThat(inOrder.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(inOrder.startedAt()).isEqualTo(EIGHT);
        assertThat(inOrder.completedAt()).isEqualTo(EIGHT.plusSeconds(6));
        assertThat(inOrder.durationSeconds()).isEqualByComparingTo(new BigDecimal("6.000"));
        assertThat(inOrder.actionsPerformed()).containsExactly(Action.SCRAPE, Action.GENERATE, Action.SEND);
        assertThat(inOrder.scrapeResult().get("items_count").asInt()).isEqualTo(2);
        assertThat(inOrder.generateResult().get("subject").asString()).isEqualTo("Your digest");
        assertThat(inOrder.sendResult().get("sent_count").asInt()).isEqualTo(10);
        assertThat(inOrder.log()).hasSize(4);
        assertThat(inOrder.errorMessage()).isNull();

        assertSameInAnyOrder(events, inOrder);
    }

    @Test
    void aCompletionSeenBeforeItsStartStillYieldsTheRightRow() {
        ExecutionRow backwards = fold(List.of(run.tracked(run.sent(Trigger.SCHEDULE, 6, 0)), run.tracked(run.generated(3))));
        assertThat(backwards.status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(backwards.startedAt()).isEqualTo(EIGHT.plusSeconds(3));

        ExecutionRow all = fold(List.of(run.tracked(run.sent(Trigger.SCHEDULE, 6, 0)), run.tracked(run.generated(3)),
                run.tracked(run.scraped(2, false)), run.tracked(run.due(0))));
        assertThat(all.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(all.startedAt()).isEqualTo(EIGHT);
    }

    @Test
    void aFailedSourceOrRecipientMakesItPartialWithTheReason() {
        ExecutionRow row = fold(List.of(run.tracked(run.due(0)), run.tracked(run.scraped(2, true)),
                run.tracked(run.generated(3)), run.tracked(run.sent(Trigger.SCHEDULE, 6, 2))));
        assertThat(row.status()).isEqualTo(ExecutionStatus.PARTIAL);
        assertThat(row.errorMessage()).contains("1 of 2 sources failed: https://b.example/feed: HTTP 500")
                .contains("2 of 10 recipients could not be mailed");
        assertThat(row.scrapeResult().get("sources").get(1).get("reason").asString()).isEqualTo("HTTP 500");
    }

    @Test
    void aFailureAtSendThenAReplayThatSucceeds() {
        List<TrackedEvent> failedRun = List.of(run.tracked(run.due(0)), run.tracked(run.scraped(2, false)),
                run.tracked(run.generated(3)), run.tracked(run.failed(Trigger.SCHEDULE, Action.SEND, 60)));
        ExecutionRow failed = fold(failedRun);
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.failedStage()).isEqualTo(Action.SEND);
        assertThat(failed.errorCode()).isEqualTo("SMTP_UNAVAILABLE");
        assertThat(failed.errorDetails().get("dead_letter_topic").asString()).isEqualTo("pulse.newsletter-generated.action-send.dlt");
        assertThat(failed.completedAt()).isEqualTo(EIGHT.plusSeconds(60));
        assertThat(failed.actionsPerformed()).containsExactly(Action.SCRAPE, Action.GENERATE);
        assertThat(failed.facts().stage(Action.SEND).input().topic()).isEqualTo(Topics.NEWSLETTER_GENERATED.name());

        ExecutionFacts replaying = failed.facts().withReplay(failed.facts().replay().requested(Action.SEND, EIGHT.plusSeconds(100)));
        assertThat(ExecutionOutcome.derive(replaying).status()).isEqualTo(ExecutionStatus.RUNNING);

        ExecutionFacts replayed = ExecutionFold.apply(replaying, run.tracked(run.sent(Trigger.REPLAY, 110, 0)));
        ExecutionRow done = ExecutionOutcome.derive(replayed);
        assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(done.completedAt()).isEqualTo(EIGHT.plusSeconds(110));
        assertThat(done.facts().replay().pending()).isNull();
        assertThat(done.log().get(4).get("message").asString()).startsWith("[replay] send: 10 of 10 sent");
    }

    @Test
    void aReplayThatFailsAgainIsFailedAgain() {
        ExecutionRow failed = fold(List.of(run.tracked(run.due(0)), run.tracked(run.failed(Trigger.SCHEDULE, Action.SCRAPE, 30))));
        ExecutionFacts replaying = failed.facts().withReplay(failed.facts().replay().requested(Action.SCRAPE, EIGHT.plusSeconds(40)));
        ExecutionRow again = ExecutionOutcome.derive(ExecutionFold.apply(replaying, run.tracked(run.failed(Trigger.REPLAY, Action.SCRAPE, 90))));
        assertThat(again.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(again.completedAt()).isEqualTo(EIGHT.plusSeconds(90));
        assertThat(again.facts().replay().count()).isEqualTo(1);
    }

    @Test
    void aMissedRunIsMissedAndNeverStarted() {
        ExecutionRow row = fold(List.of(run.tracked(run.missed(0))));
        assertThat(row.status()).isEqualTo(ExecutionStatus.MISSED);
        assertThat(row.startedAt()).isNull();
        assertThat(row.errorMessage()).contains("misfire grace (300 s)");
        assertThat(row.facts().scheduledFor()).isEqualTo(EIGHT);
    }

    @Test
    void theFactsSurviveTheirStoredForm() {
        ExecutionRow row = fold(List.of(run.tracked(run.due(0)), run.tracked(run.scraped(2, true)),
                run.tracked(run.failed(Trigger.SCHEDULE, Action.GENERATE, 5))));
        MessageCodec codec = new MessageCodec();
        ExecutionFacts stored = codec.fromJson(codec.toJson(row.facts()), ExecutionFacts.class);
        assertThat(stored).isEqualTo(row.facts());
        assertThat(ExecutionOutcome.derive(stored)).isEqualTo(row);
    }

    @Test
    void theLogIsBounded() {
        ExecutionFacts facts = ExecutionFacts.empty(run.execution);
        for (int i = 0; i < ExecutionFacts.MAX_LOG_LINES + 50; i++) {
            facts = facts.logged(new LogLine(EIGHT.plusSeconds(i), "line " + i, UUID.randomUUID()));
        }
        assertThat(facts.log()).hasSize(ExecutionFacts.MAX_LOG_LINES);
        assertThat(facts.log().get(0).message()).isEqualTo("line 50");
        assertThat(facts.logTruncated()).isTrue();
    }

    private void assertSameInAnyOrder(List<TrackedEvent> events, ExecutionRow expected) {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            List<TrackedEvent> delivered = new ArrayList<>(events);
            for (int copies = random.nextInt(4); copies > 0; copies--) {
                delivered.add(events.get(random.nextInt(events.size())));
            }
            Collections.shuffle(delivered, random);
            assertThat(fold(delivered)).as("order %s", delivered.stream().map(e -> e.message().getClass().getSimpleName()).toList())
                    .isEqualTo(expected);
        }
    }

    private ExecutionRow fold(List<TrackedEvent> events) {
        ExecutionFacts facts = ExecutionFacts.empty(run.execution);
        for (TrackedEvent event : events) {
            facts = ExecutionFold.apply(facts, event);
        }
        return ExecutionOutcome.derive(facts);
    }
}

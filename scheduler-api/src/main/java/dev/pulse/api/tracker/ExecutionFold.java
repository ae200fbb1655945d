package dev.pulse.api.tracker;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.ActionFailed;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.NewsletterSent;
import dev.pulse.contracts.messages.RunMissed;
import dev.pulse.contracts.messages.Trigger;

/**
 * Merges one event into an execution's facts. An event already merged (same message id) changes
 * nothing; each stage's event is also the next stage's input, and its place on the topic is kept so a
 * replay can read it back. A replayed stage reporting again ends the replay it belonged to.
 */
final class ExecutionFold {

    private ExecutionFold() {
    }

    static ExecutionFacts apply(ExecutionFacts facts, TrackedEvent event) {
        Object message = event.message();
        Envelope envelope = event.envelope();
        if (facts.seen(envelope.messageId())) {
            return facts;
        }
        ExecutionFacts next = facts.identifiedBy(envelope);
        TopicRecord here = new TopicRecord(event.topic(), event.partition(), event.offset(), envelope.occurredAt());
        boolean replayed = envelope.trigger() == Trigger.REPLAY;
        String line;
        Action reported = null;
        if (message instanceof JobDue due) {
            next = next.due(due.scheduledFor(), envelope.occurredAt(), replayed);
            Action first = envelope.plan().first();
            next = next.with(first, next.stage(first).withInput(here));
            line = (replayed ? "replayed input of " + lower(first) + " published" : "due (" + lower(envelope.trigger()) + ")")
                    + ", scheduled for " + due.scheduledFor() + (envelope.testMode() ? ", test mode" : "");
        } else if (message instanceof RunMissed missed) {
            next = next.missed(new MissedRun(missed.scheduledFor(), missed.graceSeconds(), envelope.occurredAt()));
            line = "missed: scheduled for " + missed.scheduledFor() + ", passed beyond the misfire grace of "
                    + missed.graceSeconds() + " s while no ticker ran";
        } else if (message instanceof ScrapeReport scraped) {
            StageResult result = StageResults.of(scraped);
            next = reported(next, Action.SCRAPE, result, here);
            line = StageResults.line(scraped, result);
            reported = Action.SCRAPE;
        } else if (message instanceof GenerateReport generated) {
            next = reported(next, Action.GENERATE, StageResults.of(generated), here);
            line = StageResults.line(generated);
            reported = Action.GENERATE;
        } else if (message instanceof NewsletterSent sent) {
            next = reported(next, Action.SEND, StageResults.of(sent), here);
            line = StageResults.line(sent);
            reported = Action.SEND;
        } else if (message instanceof ActionFailed failed) {
            StageFailure failure = new StageFailure(failed.errorCode(), failed.errorMessage(), failed.attempts(),
                    failed.deadLetterTopic(), event.partition(), envelope.occurredAt(), envelope.messageId());
            next = next.with(failed.stage(), next.stage(failed.stage()).withFailure(failure));
            line = lower(failed.stage()) + " failed after " + failed.attempts() + " attempt(s): " + failed.errorCode()
                    + (failed.errorMessage() == null ? "" : " — " + failed.errorMessage())
                    + "; its input is on " + failed.deadLetterTopic();
            reported = failed.stage();
        } else {
            throw new IllegalArgumentException("The tracker does not fold " + message.getClass().getSimpleName());
        }
        ReplayState replay = next.replay();
        if (replayed && reported != null && replay.pending() != null && next.plan() != null
                && after(next, reported).equals(Optional.of(replay.pending()))) {
            // the operator's replay put this event back on its topic as the input of the stage after it
            line = "input of " + lower(replay.pending()) + " published again: " + line;
        }
        // Not compared by time: the API's clock and the stage's may differ, and only one replay runs at a time.
        if (replayed && reported != null && reported == replay.pending()) {
            next = next.withReplay(replay.settled());
        }
        return next.logged(new LogLine(envelope.occurredAt(), (replayed ? "[replay] " : "") + line, envelope.messageId()));
    }

    /** A stage's result, which is also the input of the stage after it in the plan. */
    private static ExecutionFacts reported(ExecutionFacts facts, Action stage, StageResult result, TopicRecord here) {
        ExecutionFacts next = facts.with(stage, facts.stage(stage).withResult(result));
        Optional<Action> after = next.plan() == null ? Optional.empty() : after(next, stage);
        return after.map(following -> next.with(following, next.stage(following).withInput(here))).orElse(next);
    }

    private static Optional<Action> after(ExecutionFacts facts, Action stage) {
        int index = facts.plan().indexOf(stage);
        return index < 0 || index == facts.plan().size() - 1 ? Optional.empty() : Optional.of(facts.plan().get(index + 1));
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}

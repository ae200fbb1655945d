package dev.pulse.send.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.NewsletterGenerated;
import dev.pulse.contracts.messages.NewsletterSent;
import dev.pulse.contracts.messages.PulseMessage;
import dev.pulse.contracts.messages.Trigger;
import dev.pulse.send.delivery.Dispatcher;
import dev.pulse.send.ledger.Ledger;
import dev.pulse.send.ledger.Progress;
import dev.pulse.send.ledger.SendOutcome;
import dev.pulse.send.ledger.SendPlan;
import dev.pulse.send.ledger.Sender;
import dev.pulse.send.ledger.Sends;
import dev.pulse.send.message.MessageTemplate;
import dev.pulse.send.message.Templates;
import dev.pulse.send.smtp.SmtpUnavailableException;
import dev.pulse.stage.PermanentStageFailure;
import dev.pulse.stage.RetryableStageFailure;
import dev.pulse.stage.StageHandler;
import dev.pulse.stage.StageInput;

/**
 * The send stage: the newsletter's recipient list fixed once (its ledger), worked until every row is
 * final, and the outcome kept, so a redelivered input mails nobody again and gets the same
 * NewsletterSent. When the mail server cannot be reached or refuses us, the send pauses: the stage
 * retries it with backoff and, when retries run out, fails with the ledger intact, so a replay goes on
 * where it stopped. A replay of a finished send tries again the recipients whose 4xx retries ran out.
 */
@Component
public class SendStage implements StageHandler {

    private static final String TEST_PREFIX = "[TEST] ";

    private final Sends sends;
    private final Ledger ledger;
    private final Dispatcher dispatcher;
    private final Templates templates;
    private final RunPolicy policy;
    private final Clock clock;

    SendStage(Sends sends, Ledger ledger, Dispatcher dispatcher, Templates templates, RunPolicy policy, Clock clock) {
        this.sends = sends;
        this.ledger = ledger;
        this.dispatcher = dispatcher;
        this.templates = templates;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public PulseMessage handle(StageInput input) {
        SendPlan plan = sends.forExecution(input.executionId()).orElseGet(() -> start(input));
        if (plan.completed() && input.envelope().trigger() == Trigger.REPLAY) {
            // a replay of a partial send tries again whom the last one could not reach
            plan = sends.reopen(plan.newsletterId(), input.envelope().messageId());
        }
        if (!plan.completed()) {
            plan = finish(plan);
        }
        SendOutcome outcome = plan.outcome();
        return new NewsletterSent(input.reply(plan.completedAt()), plan.newsletterId(), outcome.recipients(), outcome.sent(),
                outcome.deferred(), outcome.bounced(), outcome.failed(), outcome.skipped(), outcome.ambiguous(),
                outcome.durationMs());
    }

    private SendPlan start(StageInput input) {
        Envelope envelope = input.envelope();
        Letter letter = input.message() instanceof NewsletterGenerated generated
                ? new Letter(generated.newsletterId(), generated.subject(), generated.htmlBody(), generated.textBody())
                : sends.newestUnsent(envelope.workspaceId())
                        .map(unsent -> new Letter(unsent.id(), unsent.subject(), unsent.html(), unsent.text()))
                        .orElseThrow(() -> new PermanentStageFailure("NOTHING_TO_SEND",
                                "The workspace has no newsletter that has not been sent yet"));
        Sender sender = sends.sender(envelope.workspaceId(), policy.defaultSender());
        SendPlan plan = new SendPlan(letter.newsletterId(), envelope.executionId(), envelope.workspaceId(), envelope.testMode(),
                envelope.testMode() ? TEST_PREFIX + letter.subject() : letter.subject(), letter.html(), letter.text(),
                sender.address(), sender.name(), sender.replyTo(), clock.instant(), null, null);
        SendPlan kept = sends.start(plan, envelope.config().testEmails(), policy.messageIdDomain());
        if (!kept.executionId().equals(envelope.executionId())) {
            if (input.message() instanceof NewsletterGenerated) {
                throw new PermanentStageFailure("ALREADY_SENT", "Newsletter " + kept.newsletterId()
                        + " is already being sent by execution " + kept.executionId());
            }
            // another send-only run took the same newsletter a moment before: choose again
            throw new IllegalStateException("Newsletter " + kept.newsletterId() + " was taken by execution " + kept.executionId());
        }
        return kept;
    }

    /** Works the ledger until no row is open; this handler is the send's owner. */
    private SendPlan finish(SendPlan plan) {
        MessageTemplate template;
        try {
            template = templates.of(plan);
        } catch (IllegalArgumentException e) {
            throw new PermanentStageFailure("INVALID_SENDER", e.getMessage(), e);
        }
        while (true) {
            try {
                dispatcher.work(plan, template, true);
            } catch (SmtpUnavailableException e) {
                sends.pause(plan.newsletterId());
                throw new RetryableStageFailure(e.code(), e.getMessage(), e);
            }
            Progress progress = ledger.progress(plan.newsletterId());
            if (progress.finished()) {
                SendPlan kept = sends.complete(plan.newsletterId());
                if (kept.completed()) {
                    return kept;
                }
            }
            sends.heartbeat(plan.newsletterId());
            pause(progress.nextDue());
        }
    }

    /** Until the next row is due, but never longer than the poll interval (rows held elsewhere may free up). */
    private void pause(Instant nextDue) {
        Duration wait = policy.poll();
        if (nextDue != null) {
            Duration untilDue = Duration.between(clock.instant(), nextDue);
            wait = untilDue.compareTo(wait) < 0 ? untilDue : wait;
        }
        if (wait.isNegative() || wait.isZero()) {
            wait = Duration.ofMillis(5);
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for deferred recipients", e);
        }
    }

    private record Letter(java.util.UUID newsletterId, String subject, String html, String text) {
    }
}

package dev.pulse.api.tracker;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.topics.ServiceTopics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.ActionFailed;
import dev.pulse.contracts.messages.ContentItem;
import dev.pulse.contracts.messages.ContentScraped;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.NewsletterGenerated;
import dev.pulse.contracts.messages.NewsletterSent;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.messages.PulseMessage;
import dev.pulse.contracts.messages.RunMissed;
import dev.pulse.contracts.messages.SourceOutcome;
import dev.pulse.contracts.messages.SourceReport;
import dev.pulse.contracts.messages.SourceType;
import dev.pulse.contracts.messages.Trigger;

/** The events of one execution, as the stages would write them, at chosen times. */
public final class Events {

    public final UUID execution = UUID.randomUUID();
    public final UUID job;
    public final UUID workspace;
    public final Instant scheduled;
    private final Plan plan;
    private final JobConfig config = new JobConfig(10, 1, List.of(), null, false, List.of(), null);
    private static final MessageCodec CODEC = new MessageCodec();
    private static final EventReader READER = new EventReader(CODEC);
    private long offset;

    public Events(UUID job, UUID workspace, Instant scheduled, Action... plan) {
        this.job = job;
        this.workspace = workspace;
        this.scheduled = scheduled;
        this.plan = Plan.of(plan);
    }

    public Envelope envelope(Trigger trigger, int seconds) {
        return Envelope.forExecution(execution, trigger, trigger == Trigger.REPLAY ? execution : null, false, job, workspace,
                plan, config, scheduled.plusSeconds(seconds));
    }

    public JobDue due(int seconds) {
        return new JobDue(envelope(Trigger.SCHEDULE, seconds), scheduled, scheduled.plusSeconds(86_400));
    }

    public RunMissed missed(int seconds) {
        return new RunMissed(envelope(Trigger.SCHEDULE, seconds), scheduled, scheduled.plusSeconds(86_400), 300);
    }

    public ContentScraped scraped(int seconds, boolean oneSourceFailed) {
        List<SourceReport> sources = oneSourceFailed
                ? List.of(new SourceReport("https://a.example/feed", SourceType.RSS, SourceOutcome.FETCHED, null, 5, 5, 2),
                        new SourceReport("https://b.example/feed", SourceType.RSS, SourceOutcome.FAILED, "HTTP 500", 0, 0, 0))
                : List.of(new SourceReport("https://a.example/feed", SourceType.RSS, SourceOutcome.FETCHED, null, 5, 5, 2));
        return new ContentScraped(envelope(Trigger.SCHEDULE, seconds), List.of(item(), item()), sources);
    }

    public NewsletterGenerated generated(int seconds) {
        return new NewsletterGenerated(envelope(Trigger.SCHEDULE, seconds), UUID.nameUUIDFromBytes(execution.toString().getBytes()),
                "Your digest", "<p>hi</p>", "hi", 2, List.of(), false, null);
    }

    public NewsletterSent sent(Trigger trigger, int seconds, int failed) {
        return new NewsletterSent(envelope(trigger, seconds), UUID.nameUUIDFromBytes(execution.toString().getBytes()),
                10, 10 - failed, 0, 0, failed, 0, 0, 1_500);
    }

    public ActionFailed failed(Trigger trigger, Action stage, int seconds) {
        String deadLetters = switch (stage) {
            case SCRAPE -> "pulse.job-due.action-scrape.dlt";
            case GENERATE -> "pulse.content-scraped.action-generate.dlt";
            case SEND -> "pulse.newsletter-generated.action-send.dlt";
        };
        return new ActionFailed(envelope(trigger, seconds), stage, "SMTP_UNAVAILABLE", "the server did not answer", 6, deadLetters);
    }

    /** The message as the tracker reads it from its topic: encoded, then read by the tracker's own reader. */
    TrackedEvent tracked(PulseMessage message) {
        String topic = ServiceTopics.SCHEDULER_API.consumes().stream().filter(t -> t.messageType() == message.getClass()).findFirst().orElseThrow().name();
        return READER.read(topic, 3, offset++, CODEC.encode(message));
    }

    private static ContentItem item() {
        return new ContentItem(UUID.randomUUID(), SourceType.RSS, "https://a.example/feed", "A", "https://a.example/1",
                "Title", "Summary", null, Instant.parse("2026-12-01T07:00:00Z"), null, 0, 0);
    }
}

package dev.pulse.contracts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.ActionFailed;
import dev.pulse.contracts.messages.ContentItem;
import dev.pulse.contracts.messages.ContentScraped;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.FeedSource;
import dev.pulse.contracts.messages.JobChanged;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.JobSnapshot;
import dev.pulse.contracts.messages.JobStatus;
import dev.pulse.contracts.messages.NewsletterGenerated;
import dev.pulse.contracts.messages.NewsletterSent;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.messages.PulseMessage;
import dev.pulse.contracts.messages.RunMissed;
import dev.pulse.contracts.messages.Schedule;
import dev.pulse.contracts.messages.SourceOutcome;
import dev.pulse.contracts.messages.SourceReport;
import dev.pulse.contracts.messages.SourceType;
import dev.pulse.contracts.messages.Tone;
import dev.pulse.contracts.messages.Trigger;

/** One fixed example of every message; its JSON is the golden file of the same name. */
public final class Samples {

    static final UUID JOB = UUID.fromString("6f1c2a4e-0000-4000-8000-000000000001");
    static final UUID WORKSPACE = UUID.fromString("6f1c2a4e-0000-4000-8000-000000000002");
    static final UUID EXECUTION = UUID.fromString("6f1c2a4e-0000-4000-8000-000000000003");
    static final UUID NEWSLETTER = UUID.fromString("6f1c2a4e-0000-4000-8000-000000000004");
    static final Instant SCHEDULED = Instant.parse("2026-03-09T12:00:00Z");
    static final Instant NOW = Instant.parse("2026-03-09T12:00:00.015Z");

    static final JobConfig CONFIG = new JobConfig(15, 1,
            List.of(FeedSource.feed(SourceType.RSS, "https://example.org/feed.xml"),
                    FeedSource.reddit("MachineLearning", "top", "day")),
            Tone.PROFESSIONAL, false, List.of("qa@example.org"), 3600);
    static final Plan PLAN = Plan.of(Action.SCRAPE, Action.GENERATE, Action.SEND);

    private Samples() {
    }

    static Envelope envelope(int messageNumber) {
        return new Envelope(messageId(messageNumber), Envelope.SCHEMA_VERSION, NOW, JOB, WORKSPACE, EXECUTION,
                Trigger.SCHEDULE, null, false, PLAN, CONFIG);
    }

    static UUID messageId(int n) {
        return UUID.fromString("6f1c2a4e-0000-4000-9000-%012d".formatted(n));
    }

    /** Golden file name (without .json) to sample. */
    public static List<Named> all() {
        Envelope jobEnvelope = new Envelope(messageId(1), Envelope.SCHEMA_VERSION, NOW, JOB, WORKSPACE, null, null,
                null, false, PLAN, CONFIG);
        return List.of(
                new Named("job-changed", new JobChanged(jobEnvelope, 3, new JobSnapshot("Daily AI Digest",
                        JobStatus.ACTIVE, Schedule.weekly(List.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                                LocalTime.of(8, 0), ZoneId.of("America/New_York"))))),
                new Named("job-due", new JobDue(envelope(2), SCHEDULED, Instant.parse("2026-03-13T12:00:00Z"))),
                new Named("run-missed", new RunMissed(envelope(3), SCHEDULED, Instant.parse("2026-03-13T12:00:00Z"), 3600)),
                new Named("content-scraped", new ContentScraped(envelope(4), List.of(new ContentItem(
                        UUID.fromString("6f1c2a4e-0000-4000-8000-000000000005"), SourceType.RSS,
                        "https://example.org/feed.xml", "Example blog", "https://example.org/posts/1", "A post",
                        "What it says", "Ada", Instant.parse("2026-03-09T06:30:00Z"),
                        "https://example.org/posts/1.png", 0, 0)),
                        List.of(new SourceReport("https://example.org/feed.xml", SourceType.RSS, SourceOutcome.FETCHED,
                                null, 20, 3, 1), new SourceReport("reddit:MachineLearning/top/day", SourceType.REDDIT,
                                SourceOutcome.FAILED, "HTTP 503 Service Unavailable", 0, 0, 0)))),
                new Named("newsletter-generated", new NewsletterGenerated(envelope(5), NEWSLETTER,
                        "Your AI digest", "<h1>Your AI digest</h1>", "Your AI digest", 1,
                        List.of(UUID.fromString("6f1c2a4e-0000-4000-8000-000000000005")), false, null)),
                new Named("newsletter-sent", new NewsletterSent(envelope(6), NEWSLETTER, 120, 116, 3, 2, 1, 1, 0, 4_180)),
                new Named("action-failed", new ActionFailed(envelope(7), Action.SEND, "smtp_unavailable",
                        "Connection refused", 5, "pulse.newsletter-generated.action-send.dlt")));
    }

    public record Named(String name, PulseMessage message) {
        @Override
        public String toString() {
            return name;
        }
    }
}

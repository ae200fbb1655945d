package dev.pulse.contracts.topics;

import java.time.Duration;
import java.util.List;

import dev.pulse.contracts.messages.ActionFailed;
import dev.pulse.contracts.messages.ContentScraped;
import dev.pulse.contracts.messages.JobChanged;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.NewsletterGenerated;
import dev.pulse.contracts.messages.NewsletterSent;
import dev.pulse.contracts.messages.RunMissed;

/**
 * Every topic Pulse uses. The pipeline topics are all keyed by execution id and have the same number of
 * partitions, so every record of one execution lands on the same partition number everywhere — one
 * consumer instance sees an execution from start to end, in order.
 */
public final class Topics {

    /** Partitions of every pipeline topic; change them together or not at all. */
    public static final int PIPELINE_PARTITIONS = 6;

    private static final Duration PIPELINE_RETENTION = Duration.ofDays(7);

    /** Job definitions, one snapshot per job (the latest wins), tombstones for deleted jobs. */
    public static final Topic JOBS = new Topic("pulse.jobs", "job_id", JobChanged.class, 12, CleanupPolicy.COMPACT, null);

    public static final Topic JOB_DUE = pipeline("pulse.job-due", JobDue.class);
    public static final Topic RUNS_MISSED = pipeline("pulse.runs-missed", RunMissed.class);
    public static final Topic CONTENT_SCRAPED = pipeline("pulse.content-scraped", ContentScraped.class);
    public static final Topic NEWSLETTER_GENERATED = pipeline("pulse.newsletter-generated", NewsletterGenerated.class);
    public static final Topic NEWSLETTER_SENT = pipeline("pulse.newsletter-sent", NewsletterSent.class);
    public static final Topic ACTION_FAILED = pipeline("pulse.action-failed", ActionFailed.class);

    /** How long a dead letter waits for an operator before it is gone. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

    private Topics() {
    }

    public static List<Topic> all() {
        return List.of(JOBS, JOB_DUE, RUNS_MISSED, CONTENT_SCRAPED, NEWSLETTER_GENERATED, NEWSLETTER_SENT, ACTION_FAILED);
    }

    /**
     * The dead-letter topic of {@code group} for records it could not process from {@code source}. One per
     * (topic, group), so two groups reading one topic never mix their failures. Same partition count as
     * the source, so a dead letter keeps its partition.
     */
    public static Topic deadLetter(Topic source, String group) {
        return new Topic(source.name() + "." + group + ".dlt", source.keyedBy(), null, source.partitions(),
                CleanupPolicy.DELETE, DEAD_LETTER_RETENTION);
    }

    private static Topic pipeline(String name, Class<? extends dev.pulse.contracts.messages.PulseMessage> type) {
        return new Topic(name, "execution_id", type, PIPELINE_PARTITIONS, CleanupPolicy.DELETE, PIPELINE_RETENTION);
    }
}

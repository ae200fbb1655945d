package dev.pulse.contracts.topics;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which topics one service reads (as its own consumer group) and writes. A service creates all of
 * them, and its dead-letter topics, when it starts, so it never depends on another service having
 * started first.
 */
public record ServiceTopics(String consumerGroup, List<Topic> consumes, List<Topic> produces) {

    public static final ServiceTopics SCHEDULER_API = new ServiceTopics("execution-tracker",
            List.of(Topics.JOB_DUE, Topics.RUNS_MISSED, Topics.CONTENT_SCRAPED, Topics.NEWSLETTER_GENERATED,
                    Topics.NEWSLETTER_SENT, Topics.ACTION_FAILED),
            List.of(Topics.JOBS, Topics.JOB_DUE, Topics.CONTENT_SCRAPED, Topics.NEWSLETTER_GENERATED));
    public static final ServiceTopics TICKER = new ServiceTopics("ticker",
            List.of(Topics.JOBS), List.of(Topics.JOB_DUE, Topics.RUNS_MISSED));
    public static final ServiceTopics ACTION_SCRAPE = new ServiceTopics("action-scrape",
            List.of(Topics.JOB_DUE), List.of(Topics.CONTENT_SCRAPED, Topics.ACTION_FAILED));
    public static final ServiceTopics ACTION_GENERATE = new ServiceTopics("action-generate",
            List.of(Topics.JOB_DUE, Topics.CONTENT_SCRAPED), List.of(Topics.NEWSLETTER_GENERATED, Topics.ACTION_FAILED));
    public static final ServiceTopics ACTION_SEND = new ServiceTopics("action-send",
            List.of(Topics.JOB_DUE, Topics.NEWSLETTER_GENERATED), List.of(Topics.NEWSLETTER_SENT, Topics.ACTION_FAILED));

    public ServiceTopics {
        Objects.requireNonNull(consumerGroup, "consumerGroup");
        consumes = List.copyOf(consumes);
        produces = List.copyOf(produces);
    }

    public static List<ServiceTopics> all() {
        return List.of(SCHEDULER_API, TICKER, ACTION_SCRAPE, ACTION_GENERATE, ACTION_SEND);
    }

    public Topic deadLetterFor(Topic source) {
        if (!consumes.contains(source)) {
            throw new IllegalArgumentException(consumerGroup + " does not consume " + source.name());
        }
        return Topics.deadLetter(source, consumerGroup);
    }

    /** Everything this service needs to exist: what it reads, what it writes, and its dead letters. */
    public Set<Topic> topicsToCreate() {
        Set<Topic> topics = new LinkedHashSet<>(consumes);
        topics.addAll(produces);
        consumes.forEach(topic -> topics.add(deadLetterFor(topic)));
        return topics;
    }
}

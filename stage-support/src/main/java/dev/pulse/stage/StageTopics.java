package dev.pulse.stage;

import java.util.List;

import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.contracts.topics.Topic;
import dev.pulse.contracts.topics.Topics;

/**
 * Where a stage reads and writes: JobDue and the previous stage's event in, its own event and
 * ActionFailed out, each input with its dead-letter topic. Checked against the service's
 * {@link ServiceTopics} at start, so the two cannot drift apart.
 */
record StageTopics(Action stage, ServiceTopics service, List<Topic> inputs, Topic output) {

    static StageTopics of(Action stage, ServiceTopics service) {
        List<Topic> inputs = switch (stage) {
            case SCRAPE -> List.of(Topics.JOB_DUE);
            case GENERATE -> List.of(Topics.JOB_DUE, Topics.CONTENT_SCRAPED);
            case SEND -> List.of(Topics.JOB_DUE, Topics.NEWSLETTER_GENERATED);
        };
        Topic output = switch (stage) {
            case SCRAPE -> Topics.CONTENT_SCRAPED;
            case GENERATE -> Topics.NEWSLETTER_GENERATED;
            case SEND -> Topics.NEWSLETTER_SENT;
        };
        if (!service.consumes().containsAll(inputs) || !service.produces().contains(output)
                || !service.produces().contains(Topics.ACTION_FAILED)) {
            throw new IllegalStateException("ServiceTopics " + service.consumerGroup() + " does not fit the " + stage
                    + " stage: it must consume " + inputs + " and produce " + output.name() + " and " + Topics.ACTION_FAILED.name());
        }
        return new StageTopics(stage, service, inputs, output);
    }

    Topic input(String name) {
        return inputs.stream().filter(topic -> topic.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(stage + " does not read " + name));
    }

    Topic deadLetterFor(String input) {
        return service.deadLetterFor(input(input));
    }

    /** The stage as logs, metrics and dead-letter headers name it: {@code scrape}, {@code generate}, {@code send}. */
    String stageName() {
        return stage.name().toLowerCase(java.util.Locale.ROOT);
    }

    String group() {
        return service.consumerGroup();
    }
}

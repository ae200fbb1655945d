package dev.pulse.api.replay;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.contracts.topics.Topic;
import dev.pulse.contracts.topics.Topics;

/** The stages' dead-letter topics, each with the input topic it holds records of and the stage that gave up on them. */
final class DeadLetterTopics {

    /** One stage's dead letters of one input. */
    record StageDeadLetters(String name, Topic source, Action stage) {
    }

    private static final Map<String, StageDeadLetters> BY_NAME = new LinkedHashMap<>();

    static {
        stage(ServiceTopics.ACTION_SCRAPE, Action.SCRAPE);
        stage(ServiceTopics.ACTION_GENERATE, Action.GENERATE);
        stage(ServiceTopics.ACTION_SEND, Action.SEND);
    }

    private DeadLetterTopics() {
    }

    private static void stage(ServiceTopics service, Action action) {
        for (Topic input : service.consumes()) {
            String name = service.deadLetterFor(input).name();
            BY_NAME.put(name, new StageDeadLetters(name, input, action));
        }
    }

    static Optional<StageDeadLetters> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    static Iterable<String> names() {
        return BY_NAME.keySet();
    }

    /** The topic a stage reads {@code record}'s kind of message from. */
    static Optional<Topic> inputTopic(String name) {
        return Topics.all().stream().filter(topic -> topic.name().equals(name)).findFirst();
    }
}

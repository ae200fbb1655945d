package dev.pulse.stage;

import java.util.Objects;

import dev.pulse.contracts.messages.Action;

/**
 * What an action service declares to run on the stage runtime: which stage it is, and what it does
 * with one input. Its topics and consumer group are its {@code ServiceTopics} bean.
 */
public record Stage(Action action, StageHandler handler) {

    public Stage {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(handler, "handler");
    }
}

package dev.pulse.contracts.messages;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The stages one execution runs: an ordered, contiguous, non-empty part of scrape → generate → send
 * (so "scrape, send" and "generate, scrape" are not plans). On the wire it is a plain array.
 */
public record Plan(List<Action> actions) {

    public Plan {
        if (actions == null || actions.isEmpty()) {
            throw new IllegalArgumentException("a plan has at least one action");
        }
        actions = List.copyOf(actions);
        for (int i = 1; i < actions.size(); i++) {
            if (actions.get(i).ordinal() != actions.get(i - 1).ordinal() + 1) {
                throw new IllegalArgumentException(
                        "a plan is a contiguous part of scrape, generate, send in that order: " + actions);
            }
        }
    }

    @JsonCreator
    public static Plan of(List<Action> actions) {
        return new Plan(actions);
    }

    public static Plan of(Action... actions) {
        return new Plan(List.of(actions));
    }

    @JsonValue
    @Override
    public List<Action> actions() {
        return actions;
    }

    public Action first() {
        return actions.get(0);
    }

    public boolean contains(Action action) {
        return actions.contains(action);
    }

    /** The stage that runs after {@code action}, if the plan has one. */
    public Optional<Action> after(Action action) {
        int index = actions.indexOf(action);
        return index < 0 || index == actions.size() - 1 ? Optional.empty() : Optional.of(actions.get(index + 1));
    }
}

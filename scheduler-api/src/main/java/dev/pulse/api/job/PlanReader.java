package dev.pulse.api.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.pulse.api.web.FieldReader;
import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.Plan;
import tools.jackson.databind.JsonNode;

/** The {@code actions} of a job request: a non-empty, ordered, gap-free part of scrape, generate, send. */
final class PlanReader {

    private PlanReader() {
    }

    /** What a job does when its request names no actions, as in the original: the whole pipeline. */
    static final Plan DEFAULT = Plan.of(Action.SCRAPE, Action.GENERATE, Action.SEND);

    static Plan read(FieldReader fields, Plan current) {
        List<JsonNode> elements = fields.array("actions");
        if (elements == null) {
            return current == null ? DEFAULT : current;
        }
        if (elements.isEmpty()) {
            fields.error("actions", "must name at least one of scrape, generate, send");
            return null;
        }
        List<Action> actions = new ArrayList<>();
        for (JsonNode element : elements) {
            Action action = action(element);
            if (action == null) {
                fields.error("actions", "'" + element.asString(element.toString()) + "' is not an action; use scrape, generate, send");
                return null;
            }
            if (actions.contains(action)) {
                fields.error("actions", action.name().toLowerCase(Locale.ROOT) + " is listed twice");
                return null;
            }
            actions.add(action);
        }
        try {
            return new Plan(actions);
        } catch (IllegalArgumentException e) {
            fields.error("actions", "must be in the order scrape, generate, send without gaps (such as [\"generate\", \"send\"])");
            return null;
        }
    }

    private static Action action(JsonNode element) {
        if (!element.isString()) {
            return null;
        }
        try {
            return Action.valueOf(element.asString().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package dev.pulse.stage;

import java.util.Optional;

import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.messages.PulseMessage;

/**
 * Whether a stage acts on a message: on a JobDue only when the plan starts with it, on the previous
 * stage's event only when the plan has it (plans are contiguous, so then the previous stage ran first).
 */
final class PlanRouting {

    private PlanRouting() {
    }

    /** Why {@code stage} skips {@code message}, or empty if it acts on it. */
    static Optional<String> skipReason(Action stage, PulseMessage message) {
        Plan plan = message.envelope().plan();
        if (message instanceof JobDue) {
            return plan.first() == stage ? Optional.empty()
                    : Optional.of("the plan " + plan.actions() + " starts with " + plan.first());
        }
        return plan.contains(stage) ? Optional.empty() : Optional.of("the plan " + plan.actions() + " has no " + stage);
    }
}

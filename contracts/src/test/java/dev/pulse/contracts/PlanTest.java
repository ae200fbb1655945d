package dev.pulse.contracts;

import static dev.pulse.contracts.messages.Action.GENERATE;
import static dev.pulse.contracts.messages.Action.SCRAPE;
import static dev.pulse.contracts.messages.Action.SEND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.pulse.contracts.messages.Plan;

class PlanTest {

    @Test
    void acceptsEveryContiguousOrderedPart() {
        for (var actions : List.of(List.of(SCRAPE), List.of(GENERATE), List.of(SEND), List.of(SCRAPE, GENERATE),
                List.of(GENERATE, SEND), List.of(SCRAPE, GENERATE, SEND))) {
            assertThat(new Plan(actions).actions()).isEqualTo(actions);
        }
    }

    @Test
    void rejectsEmptyGappedReorderedAndRepeatedPlans() {
        for (var actions : List.of(List.<dev.pulse.contracts.messages.Action>of(), List.of(SCRAPE, SEND),
                List.of(GENERATE, SCRAPE), List.of(SCRAPE, SCRAPE), List.of(SEND, GENERATE, SCRAPE))) {
            assertThatIllegalArgumentException().isThrownBy(() -> new Plan(actions));
        }
    }

    @Test
    void knowsWhatComesNext() {
        Plan plan = Plan.of(SCRAPE, GENERATE);
        assertThat(plan.first()).isEqualTo(SCRAPE);
        assertThat(plan.after(SCRAPE)).contains(GENERATE);
        assertThat(plan.after(GENERATE)).isEmpty();
        assertThat(plan.after(SEND)).isEmpty();
        assertThat(plan.contains(SEND)).isFalse();
    }
}

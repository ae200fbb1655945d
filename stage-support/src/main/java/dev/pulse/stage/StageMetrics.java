package dev.pulse.stage;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import dev.pulse.contracts.messages.Action;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code pulse.stage.records{stage, outcome}} (processed, skipped, retried, dead_lettered, failed) and
 * {@code pulse.stage.duration{stage}} (the handler's time on records it acted on, success or not).
 * {@code failed} counts ActionFailed events; {@code dead_lettered} every record sent to a dead-letter
 * topic (unreadable ones included).
 */
final class StageMetrics {

    enum Outcome {
        PROCESSED, SKIPPED, RETRIED, DEAD_LETTERED, FAILED
    }

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
    private final Timer duration;

    StageMetrics(MeterRegistry registry, Action stage) {
        String name = stage.name().toLowerCase(Locale.ROOT);
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, Counter.builder("pulse.stage.records").description("Input records by what became of them")
                    .tag("stage", name).tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        duration = Timer.builder("pulse.stage.duration").description("Time the stage's handler took on one input")
                .tag("stage", name).publishPercentileHistogram().register(registry);
    }

    void count(Outcome outcome) {
        counters.get(outcome).increment();
    }

    void handled(Duration took) {
        duration.record(took);
    }
}

package dev.pulse.send.delivery;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code pulse.send.messages{outcome}}: what became of each message this instance tried. */
public final class SendMetrics {

    public enum Outcome {
        SENT, DEFERRED, BOUNCED, FAILED, LOST, AMBIGUOUS
    }

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    public SendMetrics(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, Counter.builder("pulse.send.messages").tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .description("Messages tried by this instance, by what became of them").register(registry));
        }
    }

    void count(Outcome outcome) {
        counters.get(outcome).increment();
    }
}

package dev.pulse.ticker.config;

import java.util.Optional;
import java.util.function.Supplier;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP while the streams application runs or rebalances; DOWN, with what it waits for, before it could
 * start (no broker, no jobs topic), once it has failed or stopped, and while its stream threads keep
 * failing: replaced threads keep the state RUNNING, so the state alone would say UP while partitions
 * stand still.
 */
final class StreamsHealth implements HealthIndicator {

    private final Supplier<KafkaStreams.State> state;
    private final Supplier<Optional<String>> waitingFor;
    private final ThreadFailures failures;

    StreamsHealth(Supplier<KafkaStreams.State> state, Supplier<Optional<String>> waitingFor, ThreadFailures failures) {
        this.state = state;
        this.waitingFor = waitingFor;
        this.failures = failures;
    }

    @Override
    public Health health() {
        KafkaStreams.State current = state.get();
        ThreadFailures.Recent recent = failures.recent();
        Optional<String> waiting = waitingFor.get();
        boolean running = current.isRunningOrRebalancing() && waiting.isEmpty();
        Health.Builder health = running && !recent.tooMany() ? Health.up() : Health.down();
        health.withDetail("state", current.name());
        waiting.ifPresent(what -> health.withDetail("waitingFor", what));
        if (recent.count() > 0) {
            health.withDetail("threadFailures", recent.count())
                    .withDetail("threadFailuresTolerated", recent.tolerated())
                    .withDetail("threadFailureWindow", recent.window().toString())
                    .withDetail("lastThreadFailure", recent.lastError())
                    .withDetail("lastThreadFailureAt", recent.lastAt().toString());
        }
        return health.build();
    }
}

package dev.pulse.ticker.config;

import java.util.function.Supplier;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP while the streams application runs, rebalances or has yet to start; DOWN once it has failed or
 * stopped, and while its stream threads keep failing: replaced threads keep the state RUNNING, so the
 * state alone would say UP while partitions stand still.
 */
final class StreamsHealth implements HealthIndicator {

    private final Supplier<KafkaStreams.State> state;
    private final ThreadFailures failures;

    StreamsHealth(Supplier<KafkaStreams.State> state, ThreadFailures failures) {
        this.state = state;
        this.failures = failures;
    }

    @Override
    public Health health() {
        KafkaStreams.State current = state.get();
        ThreadFailures.Recent recent = failures.recent();
        boolean running = current.isRunningOrRebalancing() || current == KafkaStreams.State.CREATED;
        Health.Builder health = running && !recent.tooMany() ? Health.up() : Health.down();
        health.withDetail("state", current.name());
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

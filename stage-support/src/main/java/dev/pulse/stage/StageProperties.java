package dev.pulse.stage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pulse.stage.*}: how a stage retries a transient failure (attempts in all, counting the first;
 * the wait before the second, multiplied after each; never longer than {@code max-backoff}), how many
 * consumers it runs, and how long it waits for the broker to acknowledge what it publishes.
 */
@ConfigurationProperties("pulse.stage")
public record StageProperties(
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("1s") Duration backoff,
        @DefaultValue("2.0") double backoffMultiplier,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("1") int concurrency,
        @DefaultValue("30s") Duration sendTimeout) {

    public StageProperties {
        if (maxAttempts < 1 || concurrency < 1 || backoffMultiplier < 1) {
            throw new IllegalArgumentException("pulse.stage: max-attempts and concurrency are at least 1, backoff-multiplier at least 1");
        }
    }

    /** The longest the retries of one input can hold up its partition: the sum of every wait. */
    Duration longestRetryDelay() {
        Duration total = Duration.ZERO;
        double wait = backoff.toMillis();
        for (int retry = 1; retry < maxAttempts; retry++) {
            total = total.plusMillis((long) Math.min(wait, maxBackoff.toMillis()));
            wait *= backoffMultiplier;
        }
        return total;
    }
}

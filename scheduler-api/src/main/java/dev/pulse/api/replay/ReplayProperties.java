package dev.pulse.api.replay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The replay loop guard: an execution replayed {@code maxReplays} times without success is parked
 * instead of replayed again ({@code PULSE_REPLAY_MAX}).
 */
@ConfigurationProperties("pulse.replay")
record ReplayProperties(@DefaultValue("3") int maxReplays) {

    ReplayProperties {
        if (maxReplays < 1) {
            throw new IllegalArgumentException("pulse.replay.max-replays must be at least 1");
        }
    }
}

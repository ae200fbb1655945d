package dev.pulse.contracts.topics;

import java.time.Duration;
import java.util.Objects;

import dev.pulse.contracts.messages.PulseMessage;

/**
 * A topic as every service must see it: its name, what its records are keyed by and carry, and how it
 * is laid out. {@code retention} is absent for compacted topics, which keep the latest value forever.
 * {@code messageType} is absent for dead-letter topics, which hold whatever record failed.
 */
public record Topic(
        String name,
        String keyedBy,
        Class<? extends PulseMessage> messageType,
        int partitions,
        CleanupPolicy cleanupPolicy,
        Duration retention) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyedBy, "keyedBy");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions >= 1");
        }
        if ((cleanupPolicy == CleanupPolicy.DELETE) != (retention != null)) {
            throw new IllegalArgumentException("a delete-policy topic has a retention, a compacted one does not");
        }
    }
}

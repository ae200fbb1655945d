package dev.pulse.contracts.topics;

/** Kafka's {@code cleanup.policy}: keep the latest value per key, or keep everything for a while. */
public enum CleanupPolicy {
    COMPACT,
    DELETE;

    public String configValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

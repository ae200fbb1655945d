package dev.pulse.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The execution tracker's consumers: how many (each takes a share of the partitions), how many records
 * one fold takes at most, and whether it runs in this API instance at all (every instance may run it;
 * the group shares the work).
 */
@ConfigurationProperties("pulse.tracker")
record TrackerProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2") int concurrency,
        @DefaultValue("500") int maxBatch) {
}

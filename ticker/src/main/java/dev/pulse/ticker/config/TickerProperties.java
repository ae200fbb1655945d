package dev.pulse.ticker.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pulse.ticker.*}: where the Kafka Streams state lives (one directory per instance on a host),
 * how often due jobs are looked for, and the misfire grace of jobs that set none.
 */
@ConfigurationProperties("pulse.ticker")
public record TickerProperties(Path stateDir, Duration tick, Duration defaultMisfireGrace, int streamThreads,
        long rocksDbMemoryBytes) {

    public TickerProperties {
        stateDir = stateDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "pulse-ticker") : stateDir;
        tick = tick == null ? Duration.ofMillis(2) : tick;
        defaultMisfireGrace = defaultMisfireGrace == null ? Duration.ofHours(1) : defaultMisfireGrace;
        streamThreads = streamThreads < 1 ? 1 : streamThreads;
        rocksDbMemoryBytes = rocksDbMemoryBytes <= 0 ? 64L * 1024 * 1024 : rocksDbMemoryBytes;
    }
}

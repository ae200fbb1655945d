package dev.pulse.ticker.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code pulse.ticker.*}: where the Kafka Streams state lives (one directory per instance on a host),
 * how often due jobs are looked for, the misfire grace of jobs that set none, the stream threads, the
 * RocksDB memory shared by all stores, and how many stream-thread failures within a window make health
 * DOWN. Every default is in the ticker's application.yml, next to the environment variable that
 * overrides it (the README's table), and nowhere else: a value missing here is a startup error, not a
 * second default that could drift from the first.
 */
@ConfigurationProperties("pulse.ticker")
public record TickerProperties(Path stateDir, Duration tick, Duration defaultMisfireGrace, int streamThreads,
        DataSize rocksDbMemory, ThreadFailureLimit threadFailures) {

    public TickerProperties {
        require(stateDir, "state-dir");
        require(tick, "tick");
        require(defaultMisfireGrace, "default-misfire-grace");
        require(rocksDbMemory, "rocks-db-memory");
        require(threadFailures, "thread-failures");
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("pulse.ticker.tick must be positive, got " + tick);
        }
        if (streamThreads < 1) {
            throw new IllegalArgumentException("pulse.ticker.stream-threads must be at least 1, got " + streamThreads);
        }
        if (rocksDbMemory.toBytes() <= 0) {
            throw new IllegalArgumentException("pulse.ticker.rocks-db-memory must be positive, got " + rocksDbMemory);
        }
    }

    /** More than {@code tolerated} stream-thread failures within {@code window} make health DOWN. */
    public record ThreadFailureLimit(int tolerated, Duration window) {

        public ThreadFailureLimit {
            require(window, "thread-failures.window");
            if (tolerated < 0) {
                throw new IllegalArgumentException("pulse.ticker.thread-failures.tolerated must not be negative, got " + tolerated);
            }
        }
    }

    private static void require(Object value, String property) {
        if (value == null) {
            throw new IllegalArgumentException("pulse.ticker." + property + " is not set (its default is in application.yml)");
        }
    }
}

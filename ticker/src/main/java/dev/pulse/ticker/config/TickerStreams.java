package dev.pulse.ticker.config;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The ticker's Kafka Streams application, started and closed with the Spring context. A failed stream
 * thread is replaced, so a passing fault costs no instance; every failure is counted, so one that keeps
 * coming back shows as DOWN ({@link StreamsHealth}) instead of being replaced in silence.
 */
public class TickerStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TickerStreams.class);

    private final KafkaStreams streams;

    TickerStreams(org.apache.kafka.streams.Topology topology, Properties config, ThreadFailures failures) {
        this.streams = new KafkaStreams(topology, config);
        streams.setUncaughtExceptionHandler(e -> {
            int recent = failures.record(e);
            log.error("Ticker stream thread failed ({} failures within {}); replacing it", recent,
                    failures.recent().window(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        new io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics(streams).bindTo(registry);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void start() {
        streams.start();
    }

    @Override
    public void stop() {
        streams.close(Duration.ofSeconds(30));
    }

    @Override
    public boolean isRunning() {
        KafkaStreams.State state = streams.state();
        return state.isRunningOrRebalancing();
    }
}

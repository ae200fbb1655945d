package dev.pulse.ticker.config;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;

/**
 * The ticker's Kafka Streams application, started and closed with the Spring context, and kept alive by
 * a supervisor thread. The streams start only once the broker answers and the jobs topic exists: started
 * earlier, their threads fail on missing source topics and the instance fires nothing. If the topic goes
 * missing later (deleted and recreated), the streams stop and start again once it is back. Any other
 * failed stream thread is replaced, so a passing fault costs no instance; every failure is counted, so
 * one that keeps coming back shows as DOWN ({@link StreamsHealth}) instead of being replaced in silence.
 */
public class TickerStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TickerStreams.class);
    private static final Duration SUPERVISION = Duration.ofMillis(500);

    private final Supplier<KafkaStreams> newStreams;
    private final SourceTopics sources;
    private final ThreadFailures failures;
    private final MeterRegistry registry;
    private volatile KafkaStreams streams;
    private volatile KafkaStreamsMetrics metrics;
    private volatile String waitingFor = "start";
    private volatile Thread supervisor;

    TickerStreams(Supplier<KafkaStreams> newStreams, SourceTopics sources, ThreadFailures failures, MeterRegistry registry) {
        this.newStreams = newStreams;
        this.sources = sources;
        this.failures = failures;
        this.registry = registry;
    }

    /** The streams' state; CREATED while none run yet. */
    public KafkaStreams.State state() {
        KafkaStreams current = streams;
        return current == null ? KafkaStreams.State.CREATED : current.state();
    }

    /** What the ticker waits for before it can fire (a broker, a topic), if it waits. */
    public Optional<String> waitingFor() {
        return Optional.ofNullable(waitingFor);
    }

    @Override
    public synchronized void start() {
        if (supervisor == null) {
            supervisor = new Thread(this::supervise, "ticker-streams-supervisor");
            supervisor.setDaemon(true);
            supervisor.start();
        }
    }

    private void supervise() {
        String lastWait = null;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                KafkaStreams current = streams;
                if (current != null && (current.state() == KafkaStreams.State.ERROR
                        || current.state() == KafkaStreams.State.NOT_RUNNING)) {
                    log.warn("Ticker streams stopped ({}); starting them again once {} is there", current.state(),
                            sources.describe());
                    closeStreams();
                    current = null;
                }
                if (current == null) {
                    Optional<String> missing = sources.missing();
                    if (missing.isPresent()) {
                        waitingFor = missing.get();
                        if (!missing.get().equals(lastWait)) {
                            log.warn("Ticker waiting for {} before it can fire", missing.get());
                            lastWait = missing.get();
                        }
                    } else {
                        startStreams();
                        lastWait = null;
                    }
                }
                Thread.sleep(SUPERVISION.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startStreams() {
        KafkaStreams started = newStreams.get();
        started.setUncaughtExceptionHandler(this::onThreadFailure);
        metrics = new KafkaStreamsMetrics(started);
        metrics.bindTo(registry);
        streams = started;
        started.start();
        waitingFor = null;
        log.info("Ticker streams started on {}", sources.describe());
    }

    private StreamThreadExceptionResponse onThreadFailure(Throwable e) {
        if (causedBy(e, MissingSourceTopicException.class)) {
            waitingFor = sources.describe();
            log.warn("Ticker stream thread found {} missing; stopping the streams until it is there", sources.describe());
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        int recent = failures.record(e);
        log.error("Ticker stream thread failed ({} failures within {}); replacing it", recent, failures.recent().window(), e);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private void closeStreams() {
        KafkaStreams current = streams;
        streams = null;
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
        if (current != null) {
            current.close(Duration.ofSeconds(30));
        }
    }

    @Override
    public synchronized void stop() {
        if (supervisor != null) {
            supervisor.interrupt();
            try {
                supervisor.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            supervisor = null;
        }
        closeStreams();
        sources.close();
        waitingFor = "start";
    }

    @Override
    public boolean isRunning() {
        return supervisor != null;
    }

    /** The topics the streams read, as the broker sees them. */
    interface SourceTopics extends AutoCloseable {

        /** What is missing (the broker, or a topic), or empty when the streams can start. */
        Optional<String> missing();

        /** The topics and where, for logs. */
        String describe();

        @Override
        void close();

        static SourceTopics on(java.util.Map<String, Object> adminConfig, Set<String> topics) {
            return new BrokerSourceTopics(adminConfig, topics);
        }
    }
}

package dev.pulse.stage;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.json.MessageRejectedException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Puts a {@link Stage} on its topics: one listener container in the service's consumer group, reading
 * committed records only, committing each input's offset after its outcome is durable, retrying
 * transient failures with a bounded exponential backoff in place (the partition waits; see
 * docs/architecture.md, "How a stage runs"), and handing what it gives up on to the recoverer.
 */
final class StageRuntime {

    private static final Logger log = LoggerFactory.getLogger(StageRuntime.class);

    private final Stage stage;
    private final StageTopics topics;
    private final StageProperties properties;
    private final MessageCodec codec;
    private final StagePublisher publisher;
    private final StageMetrics metrics;
    private final Clock clock;

    StageRuntime(Stage stage, StageTopics topics, StageProperties properties, MessageCodec codec,
            KafkaTemplate<String, byte[]> kafka, MeterRegistry registry, Clock clock) {
        this.stage = stage;
        this.topics = topics;
        this.properties = properties;
        this.codec = codec;
        this.publisher = new StagePublisher(kafka, codec, properties.sendTimeout());
        this.metrics = new StageMetrics(registry, stage.action());
        this.clock = clock;
    }

    /** The container, with {@code afterPublish} run after each event is acknowledged (a seam for crash tests). */
    ConcurrentMessageListenerContainer<String, byte[]> container(Map<String, Object> consumerConfig, MeterRegistry registry,
            Consumer<ConsumerRecord<String, byte[]>> afterPublish) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, topics.group());
        // The ticker writes JobDue in transactions: an aborted one must never run.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // After a failure the error handler seeks and fetches again; a fetch already waiting on the broker
        // (up to fetch.max.wait.ms, 500 ms by default) would hold up every record behind the failed one.
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(config,
                new StringDeserializer(), new ByteArrayDeserializer());
        consumers.addListener(new MicrometerConsumerListener<>(registry));

        ContainerProperties container = new ContainerProperties(topics.inputs().stream().map(t -> t.name()).toArray(String[]::new));
        container.setAckMode(ContainerProperties.AckMode.RECORD);
        container.setDeliveryAttemptHeader(true);
        container.setMessageListener(new StageListener(stage, topics, codec, publisher, metrics, clock, afterPublish));
        ConcurrentMessageListenerContainer<String, byte[]> listener = new ConcurrentMessageListenerContainer<>(consumers, container);
        listener.setConcurrency(properties.concurrency());
        listener.setBeanName("stage-" + topics.group());
        listener.setCommonErrorHandler(errorHandler());
        return listener;
    }

    private DefaultErrorHandler errorHandler() {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.maxAttempts() - 1);
        backOff.setInitialInterval(properties.backoff().toMillis());
        backOff.setMultiplier(properties.backoffMultiplier());
        backOff.setMaxInterval(properties.maxBackoff().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(
                new StageRecoverer(topics, codec, publisher, metrics, clock), backOff);
        handler.addNotRetryableExceptions(MessageRejectedException.class, PermanentStageFailure.class);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception e, int attempt) {
                if (attempt < properties.maxAttempts() && !(e.getCause() instanceof MessageRejectedException)
                        && !(e.getCause() instanceof PermanentStageFailure)) {
                    metrics.count(StageMetrics.Outcome.RETRIED);
                    log.info("Attempt {} of {} at {}-{}@{} failed, retrying: {}", attempt, properties.maxAttempts(),
                            record.topic(), record.partition(), record.offset(), e.getCause() == null ? e : e.getCause());
                }
            }
        });
        return handler;
    }
}

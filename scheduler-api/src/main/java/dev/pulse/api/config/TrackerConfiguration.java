package dev.pulse.api.config;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import dev.pulse.api.job.JobFailureRule;
import dev.pulse.api.tracker.ExecutionTracking;
import dev.pulse.api.tracker.TrackerListener;
import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.topics.ServiceTopics;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The execution-tracker consumer group: every pipeline topic, committed records only, a poll's records
 * folded and committed together. A batch that fails is retried every second for as long as it takes
 * (the database is down): events are never skipped, and readable ones never dead-lettered for that.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TrackerProperties.class, JobFailureRule.class})
class TrackerConfiguration {

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> trackerContainer(ConsumerFactory<?, ?> boot, TrackerProperties properties,
            ExecutionTracking tracking, MessageCodec codec, KafkaTemplate<String, byte[]> kafka, MeterRegistry registry) {
        Map<String, Object> config = new HashMap<>(boot.getConfigurationProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, ServiceTopics.SCHEDULER_API.consumerGroup());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxBatch());
        // A NewsletterGenerated carries both bodies (tens of KB): the default 1 MB per partition would cut
        // a poll to a few dozen of them.
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(config,
                new StringDeserializer(), new ByteArrayDeserializer());
        consumers.addListener(new MicrometerConsumerListener<>(registry));

        ContainerProperties container = new ContainerProperties(ServiceTopics.SCHEDULER_API.consumes().stream()
                .map(topic -> topic.name()).toArray(String[]::new));
        container.setAckMode(ContainerProperties.AckMode.BATCH);
        container.setMessageListener(new TrackerListener(tracking, codec, kafka));
        ConcurrentMessageListenerContainer<String, byte[]> listener = new ConcurrentMessageListenerContainer<>(consumers, container);
        listener.setConcurrency(properties.concurrency());
        listener.setBeanName("execution-tracker");
        listener.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(1_000, FixedBackOff.UNLIMITED_ATTEMPTS)));
        listener.setAutoStartup(properties.enabled());
        return listener;
    }
}

package dev.pulse.stage;

import java.time.Clock;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.topics.ServiceTopics;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The stage runtime, for a service that declares a {@link Stage} bean (and its {@link ServiceTopics}):
 * its listener container (started and stopped with the context; a stop finishes the record in hand),
 * its producer, and a {@code stage} health component.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnBean({Stage.class, ServiceTopics.class})
@EnableConfigurationProperties(StageProperties.class)
public class StageAutoConfiguration {

    @Bean
    StageTopics stageTopics(Stage stage, ServiceTopics service) {
        return StageTopics.of(stage.action(), service);
    }

    /** Acknowledged by every in-sync replica, idempotent: "published" means it survives a broker. */
    @Bean
    KafkaTemplate<String, byte[]> stageKafkaTemplate(ProducerFactory<?, ?> boot, MeterRegistry registry) {
        java.util.Map<String, Object> config = new java.util.HashMap<>(boot.getConfigurationProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(config,
                new StringSerializer(), new ByteArraySerializer());
        producers.addListener(new MicrometerProducerListener<>(registry));
        return new KafkaTemplate<>(producers);
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> stageContainer(Stage stage, StageTopics topics, StageProperties properties,
            MessageCodec codec, KafkaTemplate<String, byte[]> stageKafkaTemplate, ConsumerFactory<?, ?> boot,
            MeterRegistry registry) {
        return new StageRuntime(stage, topics, properties, codec, stageKafkaTemplate, registry, Clock.systemUTC())
                .container(boot.getConfigurationProperties(), registry, record -> { });
    }

    @Bean
    StageHealthIndicator stageHealthIndicator(ConcurrentMessageListenerContainer<String, byte[]> stageContainer) {
        return new StageHealthIndicator(stageContainer);
    }
}

package dev.pulse.support.kafka;

import java.time.Duration;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.contracts.topics.Topic;

/**
 * A service declares which {@link ServiceTopics} it is; this creates those topics (as laid out in the
 * registry; replication is the broker's default) once the broker answers, however long after start that
 * is, and checks them in {@code /actuator/health}.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnBean({ServiceTopics.class, KafkaAdmin.class})
public class ServiceKafkaAutoConfiguration {

    /** Off ({@code PULSE_KAFKA_CREATE_TOPICS=false}) where operators create the topics and services may not. */
    @Bean
    @ConditionalOnProperty(name = "pulse.kafka.create-topics", havingValue = "true", matchIfMissing = true)
    TopicCreator pulseTopicCreator(KafkaAdmin kafkaAdmin, ServiceTopics service) {
        return new TopicCreator(kafkaAdmin.getConfigurationProperties(), service.topicsToCreate().stream()
                .map(ServiceKafkaAutoConfiguration::newTopic).toList(), Duration.ofSeconds(1));
    }

    @Bean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, ServiceTopics service) {
        return new KafkaHealthIndicator(kafkaAdmin.getConfigurationProperties(),
                service.topicsToCreate().stream().map(Topic::name).collect(Collectors.toSet()),
                Duration.ofSeconds(3));
    }

    @Bean
    @ConditionalOnMissingBean
    MessageCodec messageCodec() {
        return new MessageCodec();
    }

    static NewTopic newTopic(Topic topic) {
        TopicBuilder builder = TopicBuilder.name(topic.name())
                .partitions(topic.partitions())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy().configValue());
        if (topic.retention() != null) {
            builder.config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retention().toMillis()));
        }
        return builder.build();
    }

}

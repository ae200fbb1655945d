package dev.pulse.api.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads records back from the topics for a replay: one at a known offset, or a partition's records
 * from a point in time. No consumer group: nothing is committed, no stage's position moves.
 */
@Component
class TopicRecords {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    private final Map<String, Object> config;

    TopicRecords(ConsumerFactory<?, ?> boot) {
        Map<String, Object> config = new HashMap<>(boot.getConfigurationProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "scheduler-api-replay");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) DEADLINE.toMillis());
        this.config = config;
    }

    /** The record at {@code offset}, if the topic still holds it. */
    Optional<ConsumerRecord<String, byte[]>> at(String topic, int partition, long offset) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            long start = consumer.beginningOffsets(List.of(tp)).get(tp);
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            if (offset < start || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(tp, offset);
            for (ConsumerRecord<String, byte[]> record : read(consumer, Map.of(tp, end))) {
                if (record.offset() == offset) {
                    return Optional.of(record);
                }
            }
            return Optional.empty();
        }
    }

    /** Every record of {@code topic} stamped from {@code from} to {@code to}, all partitions, in offset order per partition. */
    List<ConsumerRecord<String, byte[]>> between(String topic, Instant from, Instant to) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            return from(consumer, partitions, from).stream().filter(r -> !Instant.ofEpochMilli(r.timestamp()).isAfter(to)).toList();
        }
    }

    /** The records of one partition from {@code from} to its end. */
    List<ConsumerRecord<String, byte[]>> since(String topic, int partition, Instant from) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            if (consumer.listTopics().get(topic) == null) {
                return List.of();
            }
            return from(consumer, List.of(new TopicPartition(topic, partition)), from);
        }
    }

    private List<ConsumerRecord<String, byte[]>> from(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
            Instant from) {
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> toRead = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp start = starts.get(tp);
            if (start != null && start.offset() < ends.get(tp)) {
                consumer.seek(tp, start.offset());
                toRead.put(tp, ends.get(tp));
            }
        }
        consumer.assign(toRead.keySet());
        return read(consumer, toRead);
    }

    /** Polls until every partition reached its end offset (as it was when the read began). */
    private static List<ConsumerRecord<String, byte[]>> read(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!ends.isEmpty() && ends.keySet().stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Reading " + ends.keySet() + " took longer than " + DEADLINE.toSeconds() + " s");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < ends.get(tp)) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}

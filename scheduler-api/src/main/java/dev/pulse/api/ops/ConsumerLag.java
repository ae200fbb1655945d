package dev.pulse.api.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.contracts.topics.Topic;

/**
 * Every Pulse consumer group's lag, from the broker: per partition of each topic it reads, the committed
 * offset against the end offset (a group that has committed nothing yet lags by everything from the
 * partition's start), and for a lagging partition the age of its oldest unconsumed record — read at the
 * committed offset, one record per partition, at most {@value #MAX_AGE_READS} partitions a call. A
 * transaction's commit marker takes an offset that no consumer ever commits past, so a partition whose
 * only offsets left are markers (or aborted records) would lag by one forever: the read finds nothing to
 * consume there, and its lag is 0.
 */
@Component
class ConsumerLag {

    static final int MAX_AGE_READS = 60;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    record PartitionLag(String topic, int partition, Long committedOffset, long endOffset, long lag, Long oldestUnconsumedAgeMs) {
    }

    record GroupLag(String group, long totalLag, List<PartitionLag> partitions) {
    }

    record Lag(Instant measuredAt, List<GroupLag> groups) {
    }

    private final Map<String, Object> adminConfig;
    private final Map<String, Object> consumerConfig;
    private final Clock clock;

    ConsumerLag(KafkaAdmin admin, ConsumerFactory<?, ?> consumers, Clock clock) {
        this.adminConfig = admin.getConfigurationProperties();
        Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // as every Pulse consumer reads
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "scheduler-api-lag");
        this.consumerConfig = config;
        this.clock = clock;
    }

    Lag measure() {
        try (Admin admin = Admin.create(adminConfig)) {
            Instant now = clock.instant();
            List<GroupLag> groups = new ArrayList<>();
            List<PartitionLag> lagging = new ArrayList<>();
            for (ServiceTopics service : ServiceTopics.all()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(service.consumerGroup())
                        .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
                for (Topic topic : service.consumes()) {
                    for (int p = 0; p < topic.partitions(); p++) {
                        latest.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
                        earliest.put(new TopicPartition(topic.name(), p), OffsetSpec.earliest());
                    }
                }
                var ends = admin.listOffsets(latest).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                var starts = admin.listOffsets(earliest).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                List<PartitionLag> partitions = new ArrayList<>();
                long total = 0;
                for (TopicPartition tp : latest.keySet().stream().sorted((a, b) -> a.topic().equals(b.topic())
                        ? Integer.compare(a.partition(), b.partition()) : a.topic().compareTo(b.topic())).toList()) {
                    OffsetAndMetadata commit = committed.get(tp);
                    long end = ends.get(tp).offset();
                    long from = commit != null ? commit.offset() : starts.get(tp).offset();
                    long lag = Math.max(0, end - from);
                    total += lag;
                    partitions.add(new PartitionLag(tp.topic(), tp.partition(), commit == null ? null : commit.offset(), end, lag, null));
                }
                groups.add(new GroupLag(service.consumerGroup(), total, partitions));
            }
            return new Lag(now, withAges(groups, now));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking the broker for lag", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The broker did not answer for lag: " + e, e);
        }
    }

    /** Reads one record at each lagging group's position (up to the cap) for its timestamp. */
    private List<GroupLag> withAges(List<GroupLag> groups, Instant now) {
        List<GroupLag> result = new ArrayList<>();
        int reads = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            for (GroupLag group : groups) {
                List<PartitionLag> partitions = new ArrayList<>();
                long total = 0;
                for (PartitionLag p : group.partitions()) {
                    PartitionLag measured = p;
                    if (p.lag() > 0 && reads++ < MAX_AGE_READS) {
                        Unconsumed next = firstUnconsumed(consumer, new TopicPartition(p.topic(), p.partition()),
                                p.endOffset() - p.lag(), p.endOffset(), now);
                        measured = new PartitionLag(p.topic(), p.partition(), p.committedOffset(), p.endOffset(),
                                next.records() ? p.lag() : 0, next.ageMs());
                    }
                    total += measured.lag();
                    partitions.add(measured);
                }
                result.add(new GroupLag(group.group(), total, partitions));
            }
        }
        return result;
    }

    /**
     * What a read from the committed offset finds: a record (and its age), or nothing left but markers
     * ({@code records} false); no answer in time counts as records of unknown age.
     */
    private record Unconsumed(boolean records, Long ageMs) {
        static final Unconsumed NONE = new Unconsumed(false, null);
        static final Unconsumed UNKNOWN = new Unconsumed(true, null);
    }

    private static Unconsumed firstUnconsumed(KafkaConsumer<byte[], byte[]> consumer, TopicPartition tp, long offset, long end,
            Instant now) {
        consumer.assign(List.of(tp));
        consumer.seek(tp, offset);
        Instant deadline = now.plusSeconds(2);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                return new Unconsumed(true, Math.max(0, now.toEpochMilli() - record.timestamp()));
            }
            if (consumer.position(tp) >= end) {
                return Unconsumed.NONE; // the fetch went past the end offset and found only markers
            }
        }
        return Unconsumed.UNKNOWN;
    }
}

package dev.pulse.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.topics.Topics;

/**
 * Reads a topic from its end as a downstream stage would (read_committed, so only what was committed),
 * noting for each record when it became visible; on JobDue the lag is that moment minus the run's
 * nominal instant. Records are decoded only when asked for, so measuring costs the machine (which the
 * service under test shares) as little as possible.
 */
final class TopicCollector implements AutoCloseable {

    record Seen(UUID jobId, long scheduledMillis, long firedMillis, long visibleMillis) {
    }

    /** A record's value and when this consumer saw it. */
    record Raw(byte[] value, long visibleMillis) {
    }

    private final ConcurrentLinkedQueue<Raw> raw = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong lastVisible = new java.util.concurrent.atomic.AtomicLong(-1);
    private final MessageCodec codec = new MessageCodec();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    TopicCollector(String bootstrap, String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(() -> {
            try (consumer) {
                while (running.get()) {
                    var records = consumer.poll(Duration.ofMillis(20));
                    long now = System.currentTimeMillis();
                    records.forEach(record -> raw.add(new Raw(record.value(), now)));
                    if (!records.isEmpty()) {
                        lastVisible.set(now);
                        count.addAndGet(records.count());
                    }
                }
            }
        }, "topic-collector");
        thread.start();
    }

    static TopicCollector onJobDue(String bootstrap) {
        return new TopicCollector(bootstrap, Topics.JOB_DUE.name());
    }

    /** Every run seen so far, decoded (costly: call it once a phase is over). */
    List<Seen> seen() {
        return raw.stream().map(r -> {
            JobDue due = codec.decode(r.value(), JobDue.class);
            return new Seen(due.envelope().jobId(), due.scheduledFor().toEpochMilli(), due.envelope().occurredAt().toEpochMilli(),
                    r.visibleMillis());
        }).toList();
    }

    /** Every record seen so far, undecoded. */
    List<Raw> records() {
        return List.copyOf(raw);
    }

    /** How many runs were seen, without decoding them. */
    int count() {
        return count.get();
    }

    long lastVisibleMillis() {
        return lastVisible.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}

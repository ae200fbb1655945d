package dev.pulse.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one topic of the embedded broker as an independent observer would (committed records only),
 * from the offsets it was opened at: open it with {@link #atEnd} before the test acts, so a test reads
 * only what it caused and does not slow down as the shared broker fills up. Reads stop at the end
 * offsets of the moment the wanted records were found, so a duplicate written before that is seen too,
 * without a fixed wait.
 */
public final class TopicReader {

    private final String topic;
    private final Map<TopicPartition, Long> start;

    private TopicReader(String topic, Map<TopicPartition, Long> start) {
        this.topic = topic;
        this.start = start;
    }

    /** A reader of what is written to {@code topic} from now on. */
    public static TopicReader atEnd(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            return new TopicReader(topic, new HashMap<>(consumer.endOffsets(partitions(consumer, topic))));
        }
    }

    /** A reader of everything {@code topic} holds. */
    public static TopicReader fromBeginning(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            return new TopicReader(topic, new HashMap<>(consumer.beginningOffsets(partitions(consumer, topic))));
        }
    }

    /**
     * The records {@code wanted} accepts, once at least {@code expected} of them have arrived (then every
     * such record up to the topic's end at that moment) or {@code timeout} has passed (then whatever
     * arrived), in offset order per partition.
     */
    public List<ConsumerRecord<String, byte[]>> await(Predicate<ConsumerRecord<String, byte[]>> wanted, int expected,
            Duration timeout) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.assign(start.keySet());
            start.forEach(consumer::seek);
            Instant deadline = Instant.now().plus(timeout);
            while (found.size() < expected && Instant.now().isBefore(deadline)) {
                poll(consumer, wanted, found);
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(start.keySet());
            while (!reached(consumer, end) && Instant.now().isBefore(deadline.plusSeconds(5))) {
                poll(consumer, wanted, found);
            }
        }
        return found;
    }

    /** Every record {@code wanted} accepts between the reader's start and the topic's end now. */
    public List<ConsumerRecord<String, byte[]>> toEnd(Predicate<ConsumerRecord<String, byte[]>> wanted) {
        return await(wanted, 0, Duration.ofSeconds(30));
    }

    private static void poll(KafkaConsumer<String, byte[]> consumer, Predicate<ConsumerRecord<String, byte[]>> wanted,
            List<ConsumerRecord<String, byte[]>> found) {
        consumer.poll(Duration.ofMillis(100)).forEach(record -> {
            if (wanted.test(record)) {
                found.add(record);
            }
        });
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist (yet): start what creates it first");
        }
        return partitions;
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public String toString() {
        return "TopicReader[" + topic + " from " + start + "]";
    }
}

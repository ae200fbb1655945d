package dev.pulse.testsupport;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes records to the embedded broker as another service would, and waits until each is acknowledged. */
public final class TopicWriter {

    private static KafkaProducer<String, byte[]> producer;
    private static KafkaProducer<String, byte[]> transactional;

    private TopicWriter() {
    }

    public static RecordMetadata send(String topic, String key, byte[] value) {
        return send(topic, null, key, value);
    }

    public static RecordMetadata send(String topic, Integer partition, String key, byte[] value) {
        return send(new ProducerRecord<>(topic, partition, key, value));
    }

    /** A record with headers of its own (as a dead-letter publisher, or Kafka UI, would write it). */
    public static RecordMetadata send(ProducerRecord<String, byte[]> record) {
        String topic = record.topic();
        try {
            return producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not write to " + topic, e.getCause());
        }
    }

    /**
     * A record written in a transaction of its own, as the ticker's exactly-once output and the stages
     * write theirs: the transaction's commit marker follows it on the partition.
     */
    public static synchronized RecordMetadata sendInTransaction(ProducerRecord<String, byte[]> record) {
        if (transactional == null) {
            transactional = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    EmbeddedKafka.bootstrapServers(), ProducerConfig.TRANSACTIONAL_ID_CONFIG, "topic-writer-" + UUID.randomUUID()),
                    new StringSerializer(), new ByteArraySerializer());
            transactional.initTransactions();
            KafkaProducer<String, byte[]> created = transactional;
            Runtime.getRuntime().addShutdownHook(new Thread(created::close, "topic-writer-close"));
        }
        transactional.beginTransaction();
        try {
            RecordMetadata written = transactional.send(record).get();
            transactional.commitTransaction();
            return written;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            transactional.abortTransaction();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            // left open, the transaction would make the next call's beginTransaction fail as well
            transactional.abortTransaction();
            throw new IllegalStateException("Could not write to " + record.topic(), e.getCause());
        }
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    EmbeddedKafka.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(),
                    new ByteArraySerializer());
            KafkaProducer<String, byte[]> created = producer;
            Runtime.getRuntime().addShutdownHook(new Thread(created::close, "topic-writer-close"));
        }
        return producer;
    }
}

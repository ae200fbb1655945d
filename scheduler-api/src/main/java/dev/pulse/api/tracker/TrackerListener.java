package dev.pulse.api.tracker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.json.MessageRejectedException;
import dev.pulse.contracts.topics.DeadLetterHeaders;
import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.contracts.topics.Topic;

/**
 * The execution-tracker consumer: one poll's records folded in one transaction, then committed (ack
 * mode BATCH). A record that cannot be read, or that the database refuses on its own, goes to the
 * tracker's dead-letter topic for its source and the rest go on; any other failure (the database is
 * unreachable) throws, and the whole batch comes again after a pause (folding is idempotent).
 */
public final class TrackerListener implements BatchMessageListener<String, byte[]> {

    static final String ORIGINAL_TOPIC = "pulse.dlt.original-topic";
    static final String ORIGINAL_PARTITION = "pulse.dlt.original-partition";
    static final String ORIGINAL_OFFSET = "pulse.dlt.original-offset";
    private static final Logger log = LoggerFactory.getLogger(TrackerListener.class);

    private final ExecutionTracking tracking;
    private final EventReader reader;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Map<String, Topic> inputs;

    public TrackerListener(ExecutionTracking tracking, MessageCodec codec, KafkaTemplate<String, byte[]> kafka) {
        this.tracking = tracking;
        this.reader = new EventReader(codec);
        this.kafka = kafka;
        this.inputs = ServiceTopics.SCHEDULER_API.consumes().stream().collect(Collectors.toMap(Topic::name, Function.identity()));
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        List<TrackedEvent> events = new ArrayList<>(records.size());
        List<ConsumerRecord<String, byte[]>> sources = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(reader.read(record.topic(), record.partition(), record.offset(), record.value()));
                sources.add(record);
            } catch (MessageRejectedException e) {
                deadLetter(record, e.getMessage());
            }
        }
        if (events.isEmpty()) {
            return;
        }
        try {
            tracking.fold(events);
        } catch (NonTransientDataAccessException | IllegalArgumentException e) {
            // Something in the batch is refused as such: fold one by one and set aside only what is refused.
            for (int i = 0; i < events.size(); i++) {
                try {
                    tracking.fold(List.of(events.get(i)));
                } catch (NonTransientDataAccessException | IllegalArgumentException refused) {
                    deadLetter(sources.get(i), refused.toString());
                }
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        String topic = ServiceTopics.SCHEDULER_API.deadLetterFor(inputs.get(record.topic())).name();
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(headers::add);
        headers.add(DeadLetterHeaders.REASON, text(reason));
        headers.add(ORIGINAL_TOPIC, text(record.topic()));
        headers.add(ORIGINAL_PARTITION, text(Integer.toString(record.partition())));
        headers.add(ORIGINAL_OFFSET, text(Long.toString(record.offset())));
        try {
            kafka.send(new ProducerRecord<>(topic, record.partition(), record.key(), record.value(), headers)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not dead-letter " + record.topic() + "-" + record.partition() + "@" + record.offset(), e);
        }
        log.warn("Record {}-{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(), topic, reason);
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

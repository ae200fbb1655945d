package dev.pulse.api.replay;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.PulseMessage;
import dev.pulse.contracts.topics.Topic;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stage's input as it goes out again: the very message it failed on (read from its dead letter or its
 * topic), with a new message id, the replay's time, trigger {@code replay} and {@code replay_of} naming
 * the execution — the same execution id, so every stage's per-execution idempotency holds. Only the
 * value is read: the headers of a dead letter (binary from Spring, text after a Kafka UI "reproduce")
 * play no part.
 */
record ReplayInput(Topic topic, UUID executionId, byte[] payload, String from) {

    static ReplayInput of(Topic topic, ConsumerRecord<String, byte[]> record, UUID executionId, MessageCodec codec, Instant now) {
        PulseMessage message = codec.decode(record.value(), topic.messageType());
        if (!executionId.equals(message.envelope().executionId())) {
            throw new ReplayRefusedException("The record at " + where(record) + " is of execution "
                    + message.envelope().executionId() + ", not " + executionId);
        }
        ObjectNode tree = (ObjectNode) codec.toTree(message);
        ObjectNode envelope = (ObjectNode) tree.get("envelope");
        envelope.put("message_id", UUID.randomUUID().toString());
        envelope.put("occurred_at", now.toString());
        envelope.put("trigger", "replay");
        envelope.put("replay_of", executionId.toString());
        envelope.put("schema_version", Envelope.SCHEMA_VERSION);
        PulseMessage replayed = codec.decode(codec.toJson(tree), topic.messageType());
        return new ReplayInput(topic, executionId, codec.encode(replayed), where(record));
    }

    static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}

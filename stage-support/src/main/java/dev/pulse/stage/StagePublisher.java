package dev.pulse.stage;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.kafka.core.KafkaTemplate;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.PulseMessage;

/** Publishes a message keyed by its execution id and returns once the broker has acknowledged it. */
final class StagePublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final MessageCodec codec;
    private final Duration timeout;

    StagePublisher(KafkaTemplate<String, byte[]> kafka, MessageCodec codec, Duration timeout) {
        this.kafka = kafka;
        this.codec = codec;
        this.timeout = timeout;
    }

    KafkaTemplate<String, byte[]> template() {
        return kafka;
    }

    Duration timeout() {
        return timeout;
    }

    void publish(String topic, PulseMessage message) {
        try {
            kafka.send(topic, message.envelope().executionId().toString(), codec.encode(message))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish to " + topic + ": " + e.getMessage(), e);
        }
    }
}

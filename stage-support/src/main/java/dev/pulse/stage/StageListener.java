package dev.pulse.stage;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.KafkaHeaders;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.PulseMessage;

/**
 * One input record, start to end: read it (an unreadable record throws a MessageRejectedException,
 * which the error handler dead-letters at once), route it by plan, run the handler, publish its event
 * keyed by execution id and wait for the broker's acknowledgement. Only then does the listener return,
 * and only then does the container commit the input's offset (ack mode RECORD).
 */
final class StageListener implements MessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(StageListener.class);

    private final Stage stage;
    private final StageTopics topics;
    private final MessageCodec codec;
    private final StagePublisher publisher;
    private final StageMetrics metrics;
    private final Clock clock;
    private final Consumer<ConsumerRecord<String, byte[]>> afterPublish;

    StageListener(Stage stage, StageTopics topics, MessageCodec codec, StagePublisher publisher, StageMetrics metrics,
            Clock clock, Consumer<ConsumerRecord<String, byte[]>> afterPublish) {
        this.stage = stage;
        this.topics = topics;
        this.codec = codec;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.afterPublish = afterPublish;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        PulseMessage message = codec.decode(record.value(), topics.input(record.topic()).messageType());
        Optional<String> skip = PlanRouting.skipReason(stage.action(), message);
        if (skip.isPresent()) {
            metrics.count(StageMetrics.Outcome.SKIPPED);
            log.debug("Skipped {} of execution {}: {}", record.topic(), message.envelope().executionId(), skip.get());
            return;
        }
        try (LogContext context = LogContext.of(message.envelope(), topics.stageName())) {
            PulseMessage output = handle(new StageInput(stage.action(), message, attempt(record)));
            publisher.publish(topics.output().name(), output);
            afterPublish.accept(record);
            metrics.count(StageMetrics.Outcome.PROCESSED);
        }
    }

    private PulseMessage handle(StageInput input) {
        Instant started = clock.instant();
        try {
            PulseMessage output = stage.handler().handle(input);
            check(input, output);
            return output;
        } finally {
            metrics.handled(Duration.between(started, clock.instant()));
        }
    }

    private void check(StageInput input, PulseMessage output) {
        if (output == null || !topics.output().messageType().isInstance(output)
                || !input.executionId().equals(output.envelope().executionId())) {
            throw new PermanentStageFailure("INVALID_OUTPUT", "The " + stage.action() + " handler returned "
                    + (output == null ? "nothing" : output.getClass().getSimpleName() + " of execution " + output.envelope().executionId())
                    + "; expected a " + topics.output().messageType().getSimpleName() + " of execution " + input.executionId());
        }
    }

    /** The container's count of deliveries of this record (header added by {@code deliveryAttemptHeader}). */
    static int attempt(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(KafkaHeaders.DELIVERY_ATTEMPT);
        return header == null || header.value().length != Integer.BYTES ? 1 : ByteBuffer.wrap(header.value()).getInt();
    }
}

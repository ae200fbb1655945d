package dev.pulse.stage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.json.MessageRejectedException;
import dev.pulse.contracts.messages.ActionFailed;
import dev.pulse.contracts.messages.PulseMessage;
import dev.pulse.contracts.topics.DeadLetterHeaders;
import dev.pulse.contracts.topics.Topics;

/**
 * What happens to an input the stage gave up on. The record goes to the stage's dead-letter topic for
 * its input (same partition, key and value bytes untouched, Spring Kafka's {@code kafka_dlt-*} headers
 * plus Pulse's reason, stage and attempts); then, unless it could not even be read, one ActionFailed
 * tells the execution tracker. If either send fails this throws, and the error handler delivers the
 * record again: an input is never dropped.
 */
final class StageRecoverer implements ConsumerRecordRecoverer {

    static final String STAGE_HEADER = "pulse.dlt.stage";
    static final String ATTEMPTS_HEADER = "pulse.dlt.attempts";
    private static final Logger log = LoggerFactory.getLogger(StageRecoverer.class);

    private final StageTopics topics;
    private final MessageCodec codec;
    private final StagePublisher publisher;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final StageMetrics metrics;
    private final Clock clock;

    StageRecoverer(StageTopics topics, MessageCodec codec, StagePublisher publisher, StageMetrics metrics, Clock clock) {
        this.topics = topics;
        this.codec = codec;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.deadLetters = new DeadLetterPublishingRecoverer(publisher.template(),
                (record, e) -> new TopicPartition(topics.deadLetterFor(record.topic()).name(), record.partition()));
        deadLetters.setFailIfSendResultIsError(true);
        deadLetters.setWaitForSendResultTimeout(publisher.timeout());
        deadLetters.setHeadersFunction((record, e) -> {
            Throwable cause = cause(e);
            RecordHeaders headers = new RecordHeaders();
            headers.add(DeadLetterHeaders.REASON, text(reason(cause)));
            headers.add(STAGE_HEADER, text(topics.stageName()));
            headers.add(ATTEMPTS_HEADER, text(Integer.toString(StageListener.attempt(record))));
            return headers;
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public void accept(ConsumerRecord<?, ?> record, Exception e) {
        Throwable cause = cause(e);
        String deadLetterTopic = topics.deadLetterFor(record.topic()).name();
        deadLetters.accept(record, e);
        metrics.count(StageMetrics.Outcome.DEAD_LETTERED);
        log.warn("Input {}-{}@{} sent to {} after {} attempt(s): {}", record.topic(), record.partition(), record.offset(),
                deadLetterTopic, StageListener.attempt(record), reason(cause));
        if (cause instanceof MessageRejectedException) {
            return; // nothing in it can be trusted to name an execution
        }
        PulseMessage input = codec.decode((byte[]) record.value(), topics.input(record.topic()).messageType());
        StageInput failed = new StageInput(topics.stage(), input, StageListener.attempt(record));
        try (LogContext context = LogContext.of(input.envelope(), topics.stageName())) {
            ActionFailed event = new ActionFailed(failed.reply(clock.instant(), "failed"), topics.stage(), code(cause), message(cause),
                    failed.attempt(), deadLetterTopic);
            publisher.publish(Topics.ACTION_FAILED.name(), event);
            metrics.count(StageMetrics.Outcome.FAILED);
            log.warn("Execution {} failed at {} after {} attempt(s) ({}); its input is on {}", failed.executionId(),
                    topics.stage(), failed.attempt(), event.errorCode(), deadLetterTopic);
        }
    }

    private static String code(Throwable cause) {
        if (cause instanceof PermanentStageFailure permanent) {
            return permanent.code();
        }
        return cause instanceof RetryableStageFailure retryable ? retryable.code() : "RETRIES_EXHAUSTED";
    }

    private static Throwable cause(Exception e) {
        return e instanceof ListenerExecutionFailedException && e.getCause() != null ? e.getCause() : e;
    }

    /** For a user: a stage's own failure says what happened in its message; anything else also needs its type. */
    private static String message(Throwable cause) {
        return cause instanceof PermanentStageFailure || cause instanceof RetryableStageFailure ? cause.getMessage() : reason(cause);
    }

    static String reason(Throwable cause) {
        return cause.getClass().getName() + ": " + cause.getMessage();
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

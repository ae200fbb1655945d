package dev.pulse.api.tracker;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.json.MessageRejectedException;
import dev.pulse.contracts.messages.ContentScraped;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.NewsletterGenerated;
import dev.pulse.contracts.messages.PulseMessage;
import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.contracts.topics.Topic;

/**
 * Reads a record of the tracker's topics into what it folds: the stage's message, or for the two
 * large ones (ContentScraped, NewsletterGenerated) only the parts the history shows. A record that
 * does not read that way is read as its full message, so it is refused with the codec's own reason.
 */
final class EventReader {

    private final MessageCodec codec;
    private final Map<String, Topic> inputs;

    EventReader(MessageCodec codec) {
        this.codec = codec;
        this.inputs = ServiceTopics.SCHEDULER_API.consumes().stream().collect(Collectors.toMap(Topic::name, Function.identity()));
    }

    /** @throws MessageRejectedException if the record is not a valid message of its topic */
    TrackedEvent read(String topic, int partition, long offset, byte[] value) {
        Class<? extends PulseMessage> type = inputs.get(topic).messageType();
        if (type == ContentScraped.class) {
            ScrapeReport report = light(value, ScrapeReport.class, ScrapeReport::envelope)
                    .orElseGet(() -> ScrapeReport.of(codec.decode(value, ContentScraped.class)));
            return new TrackedEvent(report.envelope(), report, topic, partition, offset);
        }
        if (type == NewsletterGenerated.class) {
            GenerateReport report = light(value, GenerateReport.class, GenerateReport::envelope)
                    .orElseGet(() -> GenerateReport.of(codec.decode(value, NewsletterGenerated.class)));
            return new TrackedEvent(report.envelope(), report, topic, partition, offset);
        }
        PulseMessage message = codec.decode(value, type);
        return new TrackedEvent(message.envelope(), message, topic, partition, offset);
    }

    private <R> Optional<R> light(byte[] value, Class<R> reading, Function<R, Envelope> envelope) {
        try {
            R report = codec.fromJson(value, reading);
            return report != null && envelope.apply(report).schemaVersion() == Envelope.SCHEMA_VERSION ? Optional.of(report) : Optional.empty();
        } catch (MessageRejectedException e) {
            return Optional.empty(); // read in full, which says why it is refused
        }
    }

    static void requireExecution(Envelope envelope) {
        if (envelope == null || envelope.executionId() == null) {
            throw new IllegalArgumentException("envelope.execution_id is required");
        }
    }
}

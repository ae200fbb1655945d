package dev.pulse.stage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;


import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.ContentScraped;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.messages.PulseMessage;
import dev.pulse.contracts.messages.Trigger;
import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.testsupport.ServiceTopicsCreated;
import dev.pulse.testsupport.TopicWriter;

/** Inputs of the test stage, written to the real topics as the ticker and the stages before would. */
final class Inputs {

    static final MessageCodec CODEC = new MessageCodec();

    private Inputs() {
    }

    static JobDue jobDue(UUID execution, Plan plan) {
        Instant now = Instant.now();
        return new JobDue(Envelope.forExecution(execution, Trigger.SCHEDULE, null, false, UUID.randomUUID(), UUID.randomUUID(),
                plan, JobConfig.empty(), now), now, null);
    }

    static ContentScraped contentScraped(UUID execution, Plan plan) {
        return new ContentScraped(jobDue(execution, plan).envelope().next(Instant.now()), List.of(), List.of());
    }

    static void send(PulseMessage message) {
        String topic = message instanceof JobDue ? Topics.JOB_DUE.name() : Topics.CONTENT_SCRAPED.name();
        sendRaw(topic, message.envelope().executionId().toString(), CODEC.encode(message));
    }

    static void sendRaw(String topic, String key, byte[] value) {
        sendRaw(topic, null, key, value);
    }

    static void sendRaw(String topic, Integer partition, String key, byte[] value) {
        TopicWriter.send(topic, partition, key, value);
    }

    /** What service-support creates when a service starts; here there is no service around the runtime. */
    static void createTopics(ServiceTopics service) {
        ServiceTopicsCreated.createFor(service);
    }

    static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

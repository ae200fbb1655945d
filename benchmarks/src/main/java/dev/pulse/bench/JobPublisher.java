package dev.pulse.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.JobChanged;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.JobSnapshot;
import dev.pulse.contracts.messages.JobStatus;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.messages.Schedule;
import dev.pulse.contracts.topics.Topics;

/** Publishes job snapshots to the jobs topic, as the API's outbox relay does. */
final class JobPublisher {

    private final String bootstrap;
    private final MessageCodec codec = new MessageCodec();
    private final UUID workspace = UUID.randomUUID();

    JobPublisher(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Hourly jobs whose first instant is {@code firstInstant.apply(i)}; returns their ids. */
    List<UUID> publish(int count, IntFunction<Instant> firstInstant) {
        List<UUID> ids = new ArrayList<>(count);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                UUID job = UUID.randomUUID();
                JobChanged changed = new JobChanged(Envelope.forJob(job, workspace, Plan.of(Action.SCRAPE), JobConfig.empty(),
                        Instant.now()), 1, new JobSnapshot("bench", JobStatus.ACTIVE,
                        Schedule.every(3600, firstInstant.apply(i), ZoneOffset.UTC)));
                producer.send(new ProducerRecord<>(Topics.JOBS.name(), job.toString(), codec.encode(changed)));
                ids.add(job);
            }
            producer.flush();
        }
        return ids;
    }
}

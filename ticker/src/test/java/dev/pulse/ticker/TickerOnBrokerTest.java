package dev.pulse.ticker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.JobChanged;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.JobSnapshot;
import dev.pulse.contracts.messages.JobStatus;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.messages.Schedule;
import dev.pulse.contracts.topics.DeadLetterHeaders;
import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.testsupport.EmbeddedKafka;
import dev.pulse.testsupport.TopicReader;
import dev.pulse.testsupport.WithKafka;
import dev.pulse.ticker.firing.ExecutionIds;

/**
 * The ticker service on a real broker: a job published to the jobs topic fires once, on time, committed;
 * one that cannot be scheduled goes to the dead-letter topic without holding up its partition.
 * Same context configuration as {@link TickerStartsTest}, so the two share one running ticker (two
 * tickers in one consumer group would split the partitions between them).
 */
@WithKafka
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "pulse.ticker.state-dir=target/ticker-state-${random.uuid}")
class TickerOnBrokerTest {

    private static final String DEAD_LETTERS = ServiceTopics.TICKER.deadLetterFor(Topics.JOBS).name();

    private final MessageCodec codec = new MessageCodec();

    @Test
    void aJobFiresOnceAtItsInstant() throws Exception {
        UUID job = UUID.randomUUID();
        Instant instant = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        JobChanged changed = new JobChanged(Envelope.forJob(job, UUID.randomUUID(), Plan.of(Action.SCRAPE),
                JobConfig.empty(), Instant.now()), 1, new JobSnapshot("on broker", JobStatus.ACTIVE,
                Schedule.every(3600, instant, ZoneOffset.UTC)));
        // opened before the job is published: it reads only what this test causes
        TopicReader jobDue = TopicReader.atEnd(Topics.JOB_DUE.name());
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.JOBS.name(), job.toString(), codec.encode(changed))).get();
        }
        String execution = ExecutionIds.scheduled(job.toString(), instant).toString();
        List<ConsumerRecord<String, byte[]>> due = jobDue.await(record -> record.key().equals(execution), 1,
                Duration.ofSeconds(60));
        assertThat(due).hasSize(1);
        JobDue fired = codec.decode(due.get(0).value(), JobDue.class);
        assertThat(fired.scheduledFor()).isEqualTo(instant);
        assertThat(fired.nextScheduledFor()).isEqualTo(instant.plusSeconds(3600));
        assertThat(Duration.between(instant, Instant.ofEpochMilli(due.get(0).timestamp())))
                .as("published close to its instant").isLessThan(Duration.ofSeconds(2));
    }

    /**
     * Before the ticker dead-lettered such a record, it killed the stream thread, and the replaced
     * thread read it again, forever, while every other job of its partition stood still.
     */
    @Test
    void anUnschedulableJobIsDeadLetteredAndItsPartitionKeepsFiring() throws Exception {
        UUID good = UUID.randomUUID();
        UUID bad = onTheSamePartition(good);
        Instant instant = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        byte[] unschedulable = codec.encode(changed(bad, Schedule.cron("0 0 30 2 *", ZoneOffset.UTC)));
        TopicReader jobDue = TopicReader.atEnd(Topics.JOB_DUE.name());
        TopicReader deadLetters = TopicReader.atEnd(DEAD_LETTERS);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.JOBS.name(), bad.toString(), unschedulable)).get();
            producer.send(new ProducerRecord<>(Topics.JOBS.name(), good.toString(),
                    codec.encode(changed(good, Schedule.every(3600, instant, ZoneOffset.UTC))))).get();
        }
        String execution = ExecutionIds.scheduled(good.toString(), instant).toString();
        assertThat(jobDue.await(record -> record.key().equals(execution), 1, Duration.ofSeconds(60)))
                .as("the other job of the partition fired").hasSize(1);
        List<ConsumerRecord<String, byte[]>> rejected = deadLetters.await(record -> record.key().equals(bad.toString()), 1,
                Duration.ofSeconds(10));
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).value()).isEqualTo(unschedulable);
        assertThat(new String(rejected.get(0).headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                .contains(bad.toString()).contains("cannot be scheduled");
    }

    private static JobChanged changed(UUID job, Schedule schedule) {
        return new JobChanged(Envelope.forJob(job, UUID.randomUUID(), Plan.of(Action.SCRAPE), JobConfig.empty(),
                Instant.now()), 1, new JobSnapshot("on broker", JobStatus.ACTIVE, schedule));
    }

    /** A job id the producer's default partitioner puts on the same partition of the jobs topic. */
    private static UUID onTheSamePartition(UUID job) {
        while (true) {
            UUID other = UUID.randomUUID();
            if (partition(other) == partition(job)) {
                return other;
            }
        }
    }

    private static int partition(UUID job) {
        return Utils.toPositive(Utils.murmur2(job.toString().getBytes(StandardCharsets.UTF_8))) % Topics.JOBS.partitions();
    }
}

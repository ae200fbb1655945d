package dev.pulse.ticker;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.pulse.contracts.topics.Topics;
import dev.pulse.testsupport.EmbeddedKafka;
import dev.pulse.testsupport.TopicReader;
import dev.pulse.testsupport.WithKafka;
import dev.pulse.ticker.firing.ExecutionIds;

/**
 * The ticker service on a real broker: a job published to the jobs topic fires once, on time, committed.
 * Same context configuration as {@link TickerStartsTest}, so the two share one running ticker (two
 * tickers in one consumer group would split the partitions between them).
 */
@WithKafka
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "pulse.ticker.state-dir=target/ticker-state-${random.uuid}")
class TickerOnBrokerTest {

    private final MessageCodec codec = new MessageCodec();

    @Test
    void aJobFiresOnceAtItsInstant() throws Exception {
        UUID job = UUID.randomUUID();
        Instant instant = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        JobChanged changed = new JobChanged(Envelope.forJob(job, UUID.randomUUID(), Plan.of(Action.SCRAPE),
                JobConfig.empty(), Instant.now()), 1, new JobSnapshot("on broker", JobStatus.ACTIVE,
                Schedule.every(3600, instant, ZoneOffset.UTC)));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.JOBS.name(), job.toString(), codec.encode(changed))).get();
        }
        String execution = ExecutionIds.scheduled(job.toString(), instant).toString();
        List<ConsumerRecord<String, byte[]>> due = TopicReader.read(Topics.JOB_DUE.name(),
                record -> record.key().equals(execution), 1, Duration.ofSeconds(60));
        assertThat(due).hasSize(1);
        JobDue fired = codec.decode(due.get(0).value(), JobDue.class);
        assertThat(fired.scheduledFor()).isEqualTo(instant);
        assertThat(fired.nextScheduledFor()).isEqualTo(instant.plusSeconds(3600));
        assertThat(Duration.between(instant, Instant.ofEpochMilli(due.get(0).timestamp())))
                .as("published close to its instant").isLessThan(Duration.ofSeconds(2));
    }
}

package dev.pulse.ticker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.JobChanged;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.JobSnapshot;
import dev.pulse.contracts.messages.JobStatus;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.messages.Schedule;
import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.testsupport.KraftBroker;
import dev.pulse.testsupport.ServiceHealth;
import dev.pulse.ticker.firing.ExecutionIds;

/**
 * The ticker deployed where operators create the topics (it may not), before they have: DOWN naming
 * the missing jobs topic, for 20 s; the topics are created; UP within 30 s without a restart, and it
 * fires. Before the ticker waited for its source topic, its stream threads failed on it, were
 * replaced, and the instance looked alive while it fired nothing. Its own broker: the suite's shared
 * one has every topic already.
 */
class TickerBeforeItsTopicsTest {

    private final MessageCodec codec = new MessageCodec();

    @Test
    void startedBeforeItsTopicsItSaysWhichAndFiresOnceTheyAreCreated() throws Exception {
        EmbeddedKafkaKraftBroker broker = KraftBroker.start();
        String bootstrap = KraftBroker.bootstrapServers(broker);
        ConfigurableApplicationContext ticker = new SpringApplicationBuilder(TickerApplication.class).run("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrap, "--pulse.kafka.create-topics=false",
                "--pulse.ticker.state-dir=target/ticker-state-" + UUID.randomUUID());
        try {
            int port = Integer.parseInt(ticker.getEnvironment().getProperty("local.server.port"));
            Instant deadline = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(deadline)) {
                ServiceHealth health = ServiceHealth.of(port);
                assertThat(health.httpStatus()).as(health.body().toString()).isEqualTo(503);
                assertThat(health.body().path("components").path("kafka").path("details").path("missingTopics").toString())
                        .contains("pulse.jobs", "pulse.job-due");
                assertThat(health.body().path("components").path("streams").path("details").path("waitingFor").asString())
                        .isEqualTo("topic pulse.jobs on the broker at " + bootstrap);
                Thread.sleep(1_000);
            }

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(ServiceTopics.TICKER.topicsToCreate().stream()
                        .map(topic -> new NewTopic(topic.name(), topic.partitions(), (short) 1)).toList()).all().get();
            }
            Instant created = Instant.now();
            ServiceHealth health = ServiceHealth.of(port);
            while (health.httpStatus() != 200) {
                assertThat(Duration.between(created, Instant.now())).as("UP within 30 s; last said %s", health.body())
                        .isLessThan(Duration.ofSeconds(30));
                Thread.sleep(250);
                health = ServiceHealth.of(port);
            }

            UUID job = UUID.randomUUID();
            Instant instant = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
            JobChanged changed = new JobChanged(Envelope.forJob(job, UUID.randomUUID(), Plan.of(Action.SCRAPE),
                    JobConfig.empty(), Instant.now()), 1, new JobSnapshot("late topics", JobStatus.ACTIVE,
                    Schedule.every(3600, instant, ZoneOffset.UTC)));
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                    new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(Topics.JOBS.name(), job.toString(), codec.encode(changed))).get();
            }
            assertThat(firstKeyOnJobDue(bootstrap, Duration.ofSeconds(60)))
                    .isEqualTo(ExecutionIds.scheduled(job.toString(), instant).toString());
        } finally {
            ticker.close();
            broker.destroy();
        }
    }

    private static String firstKeyOnJobDue(String bootstrap, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "observer-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.JOB_DUE.name()));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    return record.key();
                }
            }
            throw new AssertionError("nothing fired within " + timeout);
        }
    }
}

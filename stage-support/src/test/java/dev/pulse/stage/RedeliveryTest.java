package dev.pulse.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.testsupport.EmbeddedKafka;
import dev.pulse.testsupport.TopicReader;
import dev.pulse.testsupport.WithKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Redelivery on the runtime itself, with a seam after publishing: an input whose event was published
 * but whose offset was never committed comes back and yields the same event (same id, same bytes); and
 * what retrying in place costs the inputs behind it on the same partition.
 */
@WithKafka
class RedeliveryTest {

    private static final Plan PLAN = Plan.of(Action.GENERATE, Action.SEND);

    private ConcurrentMessageListenerContainer<String, byte[]> container;

    @AfterEach
    void stop() {
        if (container != null) {
            container.stop();
        }
    }

    @Test
    void anInputRedeliveredAfterItsEventWasPublishedYieldsTheSameEvent() {
        UUID execution = UUID.randomUUID();
        ScriptedHandler handler = new ScriptedHandler("redelivery");
        AtomicBoolean crashed = new AtomicBoolean();
        container = start("redelivery-test", handler, new StageProperties(3, Duration.ofMillis(50), 2, Duration.ofSeconds(1), 1,
                Duration.ofSeconds(10)), record -> {
                    if (record.key().equals(execution.toString()) && crashed.compareAndSet(false, true)) {
                        throw new IllegalStateException("the process died after publishing, before committing");
                    }
                });
        TopicReader outputs = TopicReader.atEnd(Topics.NEWSLETTER_GENERATED.name());
        Inputs.send(Inputs.jobDue(execution, PLAN));

        List<ConsumerRecord<String, byte[]>> produced = outputs.await(r -> r.key().equals(execution.toString()), 2,
                Duration.ofSeconds(30));
        assertThat(produced).hasSize(2);
        assertThat(produced.get(1).value()).as("same id, same content").isEqualTo(produced.get(0).value());
        assertThat(handler.calls(execution)).isEqualTo(2);
    }

    @Test
    void healthIsDownOnceTheContainerStops() {
        container = start("health-test", new ScriptedHandler("health"), new StageProperties(1, Duration.ofMillis(10), 1,
                Duration.ofSeconds(1), 1, Duration.ofSeconds(10)), record -> { });
        StageHealthIndicator health = new StageHealthIndicator(container);
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
        container.stop();
        assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN");
    }

    @Test
    void retryingInPlaceHoldsUpTheNextInputOfThePartitionForTheBackoffOnly() {
        UUID retried = UUID.randomUUID();
        UUID behind = UUID.randomUUID();
        ScriptedHandler handler = new ScriptedHandler("held up");
        handler.script(retried, ScriptedHandler.Script.FAIL_TWICE_THEN_SUCCEED);
        StageProperties properties = new StageProperties(3, Duration.ofMillis(200), 2, Duration.ofSeconds(5), 1, Duration.ofSeconds(10));
        container = start("held-up-test", handler, properties, record -> { });
        TopicReader outputs = TopicReader.atEnd(Topics.NEWSLETTER_GENERATED.name());
        String partitionKey = UUID.randomUUID().toString();
        Inputs.sendRaw(Topics.JOB_DUE.name(), partitionKey, Inputs.CODEC.encode(Inputs.jobDue(retried, PLAN)));
        long sentBehind = System.currentTimeMillis();
        Inputs.sendRaw(Topics.JOB_DUE.name(), partitionKey, Inputs.CODEC.encode(Inputs.jobDue(behind, PLAN)));

        List<ConsumerRecord<String, byte[]>> produced = outputs.await(r -> r.key().equals(behind.toString()), 1, Duration.ofSeconds(30));
        assertThat(produced).hasSize(1);
        long heldFor = produced.get(0).timestamp() - sentBehind;
        System.out.printf("[stage] an input retried twice (backoff %s, then x%s) held the next input of its partition for %d ms "
                + "(the backoff sums to %d ms)%n", properties.backoff(), properties.backoffMultiplier(), heldFor,
                properties.longestRetryDelay().toMillis());
        assertThat(heldFor).isGreaterThanOrEqualTo(properties.longestRetryDelay().toMillis())
                .isLessThan(properties.longestRetryDelay().toMillis() + 3_000);
    }

    private static ConcurrentMessageListenerContainer<String, byte[]> start(String group, ScriptedHandler handler,
            StageProperties properties, java.util.function.Consumer<ConsumerRecord<String, byte[]>> afterPublish) {
        ServiceTopics service = new ServiceTopics(group, List.of(Topics.JOB_DUE, Topics.CONTENT_SCRAPED),
                List.of(Topics.NEWSLETTER_GENERATED, Topics.ACTION_FAILED));
        Inputs.createTopics(service);
        KafkaTemplate<String, byte[]> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer()));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ConcurrentMessageListenerContainer<String, byte[]> container = new StageRuntime(new Stage(Action.GENERATE, handler),
                StageTopics.of(Action.GENERATE, service), properties, Inputs.CODEC, kafka, registry, Clock.systemUTC())
                .container(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers()), registry, afterPublish);
        container.start();
        return container;
    }
}

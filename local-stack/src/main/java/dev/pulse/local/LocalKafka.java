package dev.pulse.local;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real single-node KRaft broker (broker and controller) in this process. Its port is chosen when it
 * starts (the test kit that runs it binds port 0), so readers take the address from .pulse/local.env.
 */
final class LocalKafka implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;

    private LocalKafka(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    static LocalKafka start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        return new LocalKafka(broker);
    }

    String bootstrapServers() {
        return broker.getCluster().bootstrapServers();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}

package dev.pulse.local;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.pulse.testsupport.KraftBroker;

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
        return new LocalKafka(KraftBroker.start());
    }

    String bootstrapServers() {
        return KraftBroker.bootstrapServers(broker);
    }

    /** Stops the broker and starts it again on the same port with the same logs (see {@link KraftBroker#restart}). */
    void restart() {
        KraftBroker.restart(broker);
    }

    @Override
    public void close() {
        broker.destroy();
    }
}

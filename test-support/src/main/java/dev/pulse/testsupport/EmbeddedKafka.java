package dev.pulse.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real single-node KRaft broker per test JVM, started on first use and stopped when the JVM exits.
 * Topics are not pre-created here: each service creates its own, as it does in production.
 */
public final class EmbeddedKafka {

    private static EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = start();
        }
        return broker.getBrokersAsString();
    }

    /** Restarts the broker on the same port with the same logs: see {@link KraftBroker#restart}. */
    public static synchronized void restartBroker() {
        bootstrapServers();
        KraftBroker.restart(broker);
    }

    private static EmbeddedKafkaKraftBroker start() {
        EmbeddedKafkaKraftBroker started = KraftBroker.start();
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "embedded-kafka-stop"));
        return started;
    }
}

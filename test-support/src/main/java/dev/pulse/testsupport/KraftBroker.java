package dev.pulse.testsupport;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real single-node KRaft broker (broker and controller in one) in this JVM, configured as Pulse needs
 * it: no auto-created topics, single-replica internal topics so exactly-once transactions work, no
 * rebalance delay. The test harness, the local stack and the benchmarks all start it this way.
 */
public final class KraftBroker {

    private KraftBroker() {
    }

    public static EmbeddedKafkaKraftBroker start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        return broker;
    }

    /**
     * Stops the broker (a controlled shutdown: coordinators move, connections drop, open transactions
     * are left to time out) and starts it again on the same port with the same logs. The controller
     * keeps running, as another node's would.
     */
    public static void restart(EmbeddedKafkaKraftBroker broker) {
        stop(broker);
        startAgain(broker);
    }

    /**
     * Stops the broker and leaves it stopped: its address refuses connections until {@link #startAgain}.
     * A test that starts a broker, stops it, starts services on its address and then starts it again
     * has services that came up before their broker.
     */
    public static void stop(EmbeddedKafkaKraftBroker broker) {
        var server = broker.getCluster().brokers().values().iterator().next();
        server.shutdown();
        server.awaitShutdown();
    }

    /** Starts a broker that {@link #stop} stopped, on the same port with the same logs. */
    public static void startAgain(EmbeddedKafkaKraftBroker broker) {
        broker.getCluster().brokers().values().iterator().next().startup();
    }

    /** The address clients use: the port the broker actually bound (it binds port 0). */
    public static String bootstrapServers(EmbeddedKafkaKraftBroker broker) {
        return broker.getCluster().bootstrapServers();
    }
}

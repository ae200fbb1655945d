package dev.pulse.ticker.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * Asks the broker whether the streams' source topics are there with a leader for every partition: a
 * topic that was just created can be listed before its partitions are ready, and streams started then
 * fail their threads with "missing source topics".
 */
final class BrokerSourceTopics implements TickerStreams.SourceTopics {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Admin admin;
    private final Set<String> topics;
    private final String bootstrapServers;

    BrokerSourceTopics(Map<String, Object> adminConfig, Set<String> topics) {
        this.admin = Admin.create(adminConfig);
        this.topics = new TreeSet<>(topics);
        this.bootstrapServers = String.valueOf(adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    @Override
    public Optional<String> missing() {
        int timeoutMs = (int) TIMEOUT.toMillis();
        try {
            Set<String> existing = admin.listTopics(new ListTopicsOptions().timeoutMs(timeoutMs)).names()
                    .get(timeoutMs, TimeUnit.MILLISECONDS);
            Set<String> absent = new TreeSet<>(topics);
            absent.removeAll(existing);
            if (!absent.isEmpty()) {
                return Optional.of("topic " + String.join(", ", absent) + " on the broker at " + bootstrapServers);
            }
            Map<String, TopicDescription> described = admin.describeTopics(topics, new DescribeTopicsOptions().timeoutMs(timeoutMs))
                    .allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS);
            for (TopicDescription topic : described.values()) {
                if (topic.partitions().isEmpty() || topic.partitions().stream().anyMatch(p -> p.leader() == null || p.leader().isEmpty())) {
                    return Optional.of("a leader for every partition of " + topic.name() + " on the broker at " + bootstrapServers);
                }
            }
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.of("a Kafka broker at " + bootstrapServers + " (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("shutdown");
        }
    }

    @Override
    public String describe() {
        return "topic " + String.join(", ", topics) + " at " + bootstrapServers;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}

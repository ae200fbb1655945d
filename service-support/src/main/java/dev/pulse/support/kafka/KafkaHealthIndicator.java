package dev.pulse.support.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP when the cluster answers within the timeout and every topic this service needs exists; DOWN with
 * the reason otherwise (the address that does not answer, the topics that are missing). Spring Boot has
 * no Kafka health check of its own; without one a service with a dead broker still says UP.
 */
final class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final Admin admin;
    private final Set<String> requiredTopics;
    private final Duration timeout;
    private final String bootstrapServers;

    KafkaHealthIndicator(Map<String, Object> adminConfig, Set<String> requiredTopics, Duration timeout) {
        super("Kafka health check failed");
        this.admin = Admin.create(adminConfig);
        this.requiredTopics = Set.copyOf(requiredTopics);
        this.timeout = timeout;
        this.bootstrapServers = String.valueOf(adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG))
                .replaceAll("[\\[\\] ]", "");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        try {
            check(builder);
        } catch (ExecutionException | TimeoutException e) {
            builder.down()
                    .withDetail("reason", "no Kafka broker answers at " + bootstrapServers + " within " + timeout.toMillis() + " ms")
                    .withDetail("bootstrapServers", bootstrapServers)
                    .withDetail("error", TopicCreator.describe(e));
        }
    }

    private void check(Health.Builder builder) throws Exception {
        int timeoutMs = (int) timeout.toMillis();
        DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
        String clusterId = cluster.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
        int brokers = cluster.nodes().get(timeoutMs, TimeUnit.MILLISECONDS).size();
        Set<String> existing = admin.listTopics(new ListTopicsOptions().timeoutMs(timeoutMs)).names()
                .get(timeoutMs, TimeUnit.MILLISECONDS);
        Set<String> missing = new TreeSet<>(requiredTopics);
        missing.removeAll(existing);
        builder.withDetail("clusterId", clusterId)
                .withDetail("brokers", brokers)
                .withDetail("requiredTopics", requiredTopics.size());
        if (missing.isEmpty()) {
            builder.up();
        } else {
            builder.down().withDetail("missingTopics", missing)
                    .withDetail("reason", "topics missing on the broker at " + bootstrapServers + ": " + String.join(", ", missing));
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}

package dev.pulse.support.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Creates the service's topics in the background, retrying until the broker answers and all exist.
 * A service may start before its broker: Spring's own topic creation runs once during start-up, and
 * either blocks it (fail-fast) or gives up for good. Another service creating the same topic at the
 * same moment is fine: an existing topic counts as created.
 */
final class TopicCreator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);

    private final Map<String, Object> adminConfig;
    private final List<NewTopic> topics;
    private final Duration retry;
    private volatile Thread worker;

    TopicCreator(Map<String, Object> adminConfig, List<NewTopic> topics, Duration retry) {
        this.adminConfig = Map.copyOf(adminConfig);
        this.topics = List.copyOf(topics);
        this.retry = retry;
    }

    @Override
    public synchronized void start() {
        if (worker == null) {
            worker = new Thread(this::createUntilAllExist, "pulse-topic-creator");
            worker.setDaemon(true);
            worker.start();
        }
    }

    private void createUntilAllExist() {
        String lastProblem = null;
        try (Admin admin = Admin.create(adminConfig)) {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Collection<NewTopic> missing = missing(admin);
                    if (!missing.isEmpty()) {
                        create(admin, missing);
                    }
                    log.info("Kafka topics present: {}", topics.size());
                    return;
                } catch (ExecutionException | TimeoutException | RuntimeException e) {
                    String problem = describe(e);
                    if (!problem.equals(lastProblem)) {
                        log.warn("Cannot create Kafka topics yet at {} ({}); retrying every {}",
                                adminConfig.get("bootstrap.servers"), problem, retry);
                        lastProblem = problem;
                    }
                }
                Thread.sleep(retry.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Collection<NewTopic> missing(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> existing = admin.listTopics(new ListTopicsOptions().timeoutMs(timeoutMs())).names()
                .get(timeoutMs(), TimeUnit.MILLISECONDS);
        return topics.stream().filter(topic -> !existing.contains(topic.name())).toList();
    }

    private void create(Admin admin, Collection<NewTopic> missing) throws ExecutionException, InterruptedException, TimeoutException {
        var results = admin.createTopics(missing, new CreateTopicsOptions().timeoutMs(timeoutMs())).values();
        for (var result : results.entrySet()) {
            try {
                result.getValue().get(timeoutMs(), TimeUnit.MILLISECONDS);
                log.info("Created Kafka topic {}", result.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    private int timeoutMs() {
        return (int) Math.max(1_000, retry.toMillis() * 5);
    }

    @Override
    public synchronized void stop() {
        if (worker != null) {
            worker.interrupt();
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    /** The innermost cause, which names what is wrong (a refused connection, a timeout, a denied create). */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}

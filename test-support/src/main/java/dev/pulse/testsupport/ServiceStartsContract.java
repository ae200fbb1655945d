package dev.pulse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.contracts.topics.Topic;

/**
 * What every service shows once started against real infrastructure: it created its topics and it
 * reports UP, with a check for each piece of infrastructure it uses. A service's test extends this,
 * starts the service on a random port, and says which health components it must have.
 */
public abstract class ServiceStartsContract {

    private final ServiceTopics topics;
    private final List<String> healthComponents;

    protected ServiceStartsContract(ServiceTopics topics, String... healthComponents) {
        this.topics = topics;
        this.healthComponents = List.of(healthComponents);
    }

    /** The HTTP port the service under test listens on. */
    protected abstract int port();

    @Test
    void createsItsTopicsAndDeadLetterTopics() {
        assertThat(KafkaTopicNames.existing()).containsAll(
                topics.topicsToCreate().stream().map(Topic::name).collect(Collectors.toSet()));
    }

    @Test
    void reportsUpWithEachInfrastructureCheck() {
        ServiceHealth health = ServiceHealth.of(port());
        assertThat(health.httpStatus()).as(health.body().toString()).isEqualTo(200);
        assertThat(health.status()).isEqualTo("UP");
        for (String component : healthComponents) {
            assertThat(health.component(component)).as("health component %s in %s", component, health.body())
                    .isEqualTo("UP");
        }
    }
}

package dev.pulse.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.testsupport.EmbeddedKafka;
import dev.pulse.testsupport.KraftBroker;
import dev.pulse.testsupport.WithKafka;

@WithKafka
@SpringBootTest(classes = ServiceKafkaAutoConfigurationTest.App.class,
        properties = "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
class ServiceKafkaAutoConfigurationTest {

    static final ServiceTopics SERVICE = new ServiceTopics("support-test",
            List.of(Topics.JOB_DUE), List.of(Topics.JOBS));

    @Configuration
    @EnableAutoConfiguration
    static class App {
        @Bean
        ServiceTopics serviceTopics() {
            return SERVICE;
        }
    }

    @Autowired
    KafkaHealthIndicator health;

    @Test
    void createsTheServicesTopicsAsTheRegistrySays() throws Exception {
        try (Admin admin = admin()) {
            awaitTopics(admin, Set.of("pulse.jobs", "pulse.job-due", "pulse.job-due.support-test.dlt"));
            Map<String, TopicDescription> topics = admin.describeTopics(
                    List.of("pulse.jobs", "pulse.job-due", "pulse.job-due.support-test.dlt")).allTopicNames().get();
            assertThat(topics.get("pulse.jobs").partitions()).hasSize(Topics.JOBS.partitions());
            assertThat(topics.get("pulse.job-due.support-test.dlt").partitions()).hasSize(Topics.JOB_DUE.partitions());

            ConfigResource jobs = new ConfigResource(ConfigResource.Type.TOPIC, "pulse.jobs");
            ConfigResource due = new ConfigResource(ConfigResource.Type.TOPIC, "pulse.job-due");
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(jobs, due)).all().get();
            assertThat(configs.get(jobs).get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(configs.get(due).get("cleanup.policy").value()).isEqualTo("delete");
            assertThat(configs.get(due).get("retention.ms").value())
                    .isEqualTo(Long.toString(Topics.JOB_DUE.retention().toMillis()));
        }
    }

    @Test
    void healthIsUpWhenTheClusterAnswersAndTheTopicsExist() throws Exception {
        try (Admin admin = admin()) {
            awaitTopics(admin, Set.of("pulse.jobs", "pulse.job-due", "pulse.job-due.support-test.dlt"));
        }
        Health result = health.health(true);
        assertThat(result.getStatus()).isEqualTo(Status.UP);
        assertThat(result.getDetails()).containsEntry("brokers", 1).containsKey("clusterId");
    }

    @Test
    void healthIsDownWhenATopicIsMissing() throws Exception {
        var bootstrap = Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers());
        KafkaHealthIndicator strict = new KafkaHealthIndicator(bootstrap, Set.of("pulse.job-due", "not.there"), Duration.ofSeconds(3));
        try {
            Health result = strict.health(true);
            assertThat(result.getStatus()).isEqualTo(Status.DOWN);
            assertThat(result.getDetails().get("missingTopics")).isEqualTo(Set.of("not.there"));
            assertThat(result.getDetails().get("reason")).asString().startsWith("topics missing on the broker at ")
                    .endsWith(": not.there");
        } finally {
            strict.destroy();
        }
    }

    @Test
    void healthIsDownWhenNoBrokerAnswers() throws Exception {
        var nowhere = Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 500, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1000);
        KafkaHealthIndicator unreachable = new KafkaHealthIndicator(nowhere, Set.of(), Duration.ofMillis(800));
        try {
            Health result = unreachable.health(true);
            assertThat(result.getStatus()).isEqualTo(Status.DOWN);
            assertThat(result.getDetails().get("reason")).asString()
                    .isEqualTo("no Kafka broker answers at 127.0.0.1:1 within 800 ms");
        } finally {
            unreachable.destroy();
        }
    }

    /** A service started before its broker creates its topics once the broker is there, without a restart. */
    @Test
    void createsTheTopicsOnceABrokerThatWasNotThereAtStartAppears() throws Exception {
        org.springframework.kafka.test.EmbeddedKafkaKraftBroker late = KraftBroker.start();
        String address = KraftBroker.bootstrapServers(late);
        KraftBroker.stop(late);
        var config = Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        TopicCreator creator = new TopicCreator(config, List.of(ServiceKafkaAutoConfiguration.newTopic(Topics.RUNS_MISSED)),
                Duration.ofMillis(200));
        creator.start();
        try {
            Thread.sleep(2_000);
            KraftBroker.startAgain(late);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address))) {
                awaitTopics(admin, Set.of(Topics.RUNS_MISSED.name()));
            }
        } finally {
            creator.stop();
            late.destroy();
        }
    }

    private static void awaitTopics(Admin admin, Set<String> names) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!admin.listTopics().names().get().containsAll(names)) {
            assertThat(System.nanoTime()).as("topics %s created within 30 s", names).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers()));
    }
}

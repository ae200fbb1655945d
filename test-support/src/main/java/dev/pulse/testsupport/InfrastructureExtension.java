package dev.pulse.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the shared infrastructure before the first test class that asks for it and publishes its
 * coordinates as system properties, which Spring Boot reads ahead of application.yml. Spring's test
 * extension builds the context after {@code beforeAll}, so the properties are always in place.
 */
final class InfrastructureExtension {

    private InfrastructureExtension() {
    }

    static final class Kafka implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            String bootstrap = EmbeddedKafka.bootstrapServers();
            System.setProperty("spring.kafka.bootstrap-servers", bootstrap);
            System.setProperty("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        }
    }

    static final class Postgres implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            System.setProperty("spring.datasource.url", EmbeddedPostgresDatabase.jdbcUrl());
            System.setProperty("spring.datasource.username", EmbeddedPostgresDatabase.USER);
            System.setProperty("spring.datasource.password", EmbeddedPostgresDatabase.PASSWORD);
        }
    }
}

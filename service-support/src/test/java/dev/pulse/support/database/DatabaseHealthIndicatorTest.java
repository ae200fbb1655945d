package dev.pulse.support.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.pulse.testsupport.EmbeddedPostgresDatabase;

class DatabaseHealthIndicatorTest {

    @Test
    void upOnARealDatabase() {
        Health health = new DatabaseHealthIndicator(EmbeddedPostgresDatabase.dataSource(), EmbeddedPostgresDatabase.jdbcUrl(),
                Duration.ofSeconds(3)).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void downNamingTheDatabaseThatDoesNotAnswer() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setUrl("jdbc:postgresql://localhost:" + port + "/pulse");
        Health health = new DatabaseHealthIndicator(nowhere, "jdbc:postgresql://localhost:" + port + "/pulse?user=x",
                Duration.ofSeconds(3)).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("reason", "cannot reach the database at postgresql://localhost:" + port + "/pulse")
                .containsEntry("database", "postgresql://localhost:" + port + "/pulse");
        assertThat(health.getDetails().get("error")).asString().contains("Connection refused");
    }
}

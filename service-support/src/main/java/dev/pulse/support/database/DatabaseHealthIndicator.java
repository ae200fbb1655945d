package dev.pulse.support.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP when the database gives a valid connection within the timeout; DOWN with the reason otherwise,
 * naming the database it cannot reach. Spring Boot's own check says only "Failed to obtain JDBC
 * Connection", and waits the pool's full connection timeout (30 s) before it says even that.
 */
final class DatabaseHealthIndicator implements HealthIndicator {

    private final DataSource dataSource;
    private final String database;
    private final Duration timeout;

    DatabaseHealthIndicator(DataSource dataSource, String jdbcUrl, Duration timeout) {
        this.dataSource = dataSource;
        this.database = jdbcUrl == null ? "(no spring.datasource.url)" : jdbcUrl.replaceFirst("^jdbc:", "").replaceFirst("\\?.*", "");
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        CompletableFuture<Boolean> check = CompletableFuture.supplyAsync(this::valid, task -> {
            Thread thread = new Thread(task, "db-health");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            if (check.get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return Health.up().withDetail("database", database).build();
            }
            return down("the database at " + database + " gave a connection that is not valid", null);
        } catch (TimeoutException e) {
            check.cancel(true);
            return down("no answer from the database at " + database + " within " + timeout.toMillis() + " ms", null);
        } catch (ExecutionException e) {
            return down("cannot reach the database at " + database, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted", e);
        }
    }

    private boolean valid() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) Math.max(1, timeout.toSeconds()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Health down(String reason, Throwable failure) {
        Health.Builder health = Health.down().withDetail("reason", reason).withDetail("database", database);
        if (failure != null) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            health.withDetail("error", root.getClass().getSimpleName() + ": " + root.getMessage());
        }
        return health.build();
    }
}

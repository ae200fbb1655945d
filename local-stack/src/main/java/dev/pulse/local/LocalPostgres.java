package dev.pulse.local;

import java.io.IOException;
import java.nio.file.Path;

import dev.pulse.migrations.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server from the embedded binaries, migrated; its data lasts until it stops. */
final class LocalPostgres implements AutoCloseable {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static LocalPostgres start(int port, Path dataDirectory) throws IOException {
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .start();
        Migrations.apply(server.getPostgresDatabase());
        return new LocalPostgres(server);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

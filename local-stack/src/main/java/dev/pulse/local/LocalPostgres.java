package dev.pulse.local;

import java.io.IOException;
import java.nio.file.Path;

import dev.pulse.migrations.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server from the embedded binaries, migrated; its data lasts until it stops. */
final class LocalPostgres implements AutoCloseable {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final int port;
    private final Path dataDirectory;
    private EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server, int port, Path dataDirectory) {
        this.server = server;
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    /**
     * A new server in {@code dataDirectory}, which must be empty or absent (the launcher clears it): the
     * embedded server deletes a directory it was told to clean when it stops, which would leave a
     * {@link #restart} with an empty database.
     */
    static LocalPostgres start(int port, Path dataDirectory) throws IOException {
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .start();
        Migrations.apply(server.getPostgresDatabase());
        return new LocalPostgres(server, port, dataDirectory);
    }

    /** Stops the server (every connection drops) and starts it again on the same port with the same data. */
    synchronized void restart() throws IOException {
        server.close();
        server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory).setCleanDataDirectory(false).start();
    }

    javax.sql.DataSource dataSource() {
        return server.getPostgresDatabase();
    }

    @Override
    public synchronized void close() throws IOException {
        server.close();
    }
}

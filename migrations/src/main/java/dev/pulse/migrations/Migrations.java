package dev.pulse.migrations;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The one place that applies Pulse's schema. Services never migrate on start-up: the schema is
 * shared by several independently deployed services, so it is applied once, by this module, before
 * any of them starts (the compose file's migrate container, the local launcher, the test harness).
 */
public final class Migrations {

    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    public static MigrateResult apply(DataSource dataSource) {
        return configure().dataSource(dataSource).load().migrate();
    }

    public static MigrateResult apply(String jdbcUrl, String user, String password) {
        return configure().dataSource(jdbcUrl, user, password).load().migrate();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration configure() {
        return Flyway.configure()
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .validateMigrationNaming(true);
    }
}

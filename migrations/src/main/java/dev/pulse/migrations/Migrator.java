package dev.pulse.migrations;

import org.flywaydb.core.api.output.MigrateResult;

/**
 * Command-line entry point: {@code java -jar migrations-exec.jar} with {@code DB_URL},
 * {@code DB_USER} and {@code DB_PASSWORD} in the environment.
 */
public final class Migrator {

    private Migrator() {
    }

    public static void main(String[] args) {
        String url = required("DB_URL");
        MigrateResult result = Migrations.apply(url, required("DB_USER"), System.getenv().getOrDefault("DB_PASSWORD", ""));
        System.out.printf("Pulse schema at version %s (%d migration(s) applied) on %s%n",
                result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                result.migrationsExecuted, url);
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            System.err.println("Missing environment variable " + name);
            System.exit(2);
        }
        return value;
    }
}

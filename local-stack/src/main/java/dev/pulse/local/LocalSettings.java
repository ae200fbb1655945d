package dev.pulse.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack finds the service jars ({@code home}), keeps its state and listens. Every port can be moved with an environment variable, for a
 * machine where the default is taken.
 */
record LocalSettings(Path home, Path stateDir, int postgresPort, int smtpPort, int mailViewerPort, int feedPort,
        int firstServicePort) {

    static LocalSettings from(Path home, Map<String, String> env) {
        return new LocalSettings(home, home.resolve(".pulse"),
                port(env, "PULSE_POSTGRES_PORT", 15432),
                port(env, "PULSE_SMTP_PORT", 2525),
                port(env, "PULSE_MAIL_PORT", 8025),
                port(env, "PULSE_FEED_PORT", 8026),
                port(env, "PULSE_SERVICE_PORT", 8080));
    }

    String demoFeedUrl() {
        return "http://localhost:" + feedPort + DemoFeed.PATH;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/postgres";
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a port number: " + value);
        }
    }
}

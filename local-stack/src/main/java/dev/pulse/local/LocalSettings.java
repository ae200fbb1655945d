package dev.pulse.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the local stack finds the service jars ({@code home}), keeps its state and listens. Every port can be moved with an environment variable, for a
 * machine where the default is taken.
 *
 * <p>Mail goes to the local sink (an SMTP server on {@code smtpPort}, received mail readable on
 * {@code mailViewerPort}) unless {@code relay} is set ({@code PULSE_SMTP_HOST} and its companions): then
 * action-send sends through that server and no sink is started.
 */
record LocalSettings(Path home, Path stateDir, int postgresPort, int smtpPort, int mailViewerPort, int feedPort,
        int firstServicePort, SmtpRelay relay) {

    static final int SINK_SMTP_PORT = 2525;

    /** The local stack with its own mail sink. */
    LocalSettings(Path home, Path stateDir, int postgresPort, int smtpPort, int mailViewerPort, int feedPort, int firstServicePort) {
        this(home, stateDir, postgresPort, smtpPort, mailViewerPort, feedPort, firstServicePort, null);
    }

    static LocalSettings from(Path home, Map<String, String> env) {
        SmtpRelay relay = SmtpRelay.from(env);
        return new LocalSettings(home, home.resolve(".pulse"),
                port(env, "PULSE_POSTGRES_PORT", 15432),
                // with a relay, PULSE_SMTP_PORT is the relay's port and no sink listens
                relay == null ? port(env, "PULSE_SMTP_PORT", SINK_SMTP_PORT) : SINK_SMTP_PORT,
                port(env, "PULSE_MAIL_PORT", 8025),
                port(env, "PULSE_FEED_PORT", 8026),
                port(env, "PULSE_SERVICE_PORT", 8080),
                relay);
    }

    boolean usesSink() {
        return relay == null;
    }

    String mailViewerUrl() {
        return "http://localhost:" + mailViewerPort;
    }

    /** What action-send is started with to reach its mail server: the sink, or the relay. */
    Map<String, String> mailEnvironment() {
        if (relay != null) {
            return relay.actionSendEnvironment();
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SMTP_HOST", "localhost");
        env.put("SMTP_PORT", Integer.toString(smtpPort));
        env.put("SMTP_USERNAME", "");
        env.put("SMTP_PASSWORD", "");
        env.put("SPRING_MAIL_PROTOCOL", "smtp");
        env.put(SmtpRelay.STARTTLS_ENABLE, "false");
        env.put(SmtpRelay.STARTTLS_REQUIRED, "false");
        return env;
    }

    String demoFeedUrl() {
        return "http://localhost:" + feedPort + DemoFeed.PATH;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/postgres";
    }

    static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a port number: " + value);
        }
    }

    /**
     * The user's own SMTP server ({@code PULSE_SMTP_HOST}, {@code PULSE_SMTP_PORT}, {@code PULSE_SMTP_USER},
     * {@code PULSE_SMTP_PASSWORD}, {@code PULSE_SMTP_TLS}), handed to action-send as the Spring settings
     * it reads ({@code spring.mail.*}, through the environment variables its application.yml names, so the
     * password is never on a command line).
     */
    record SmtpRelay(String host, int port, String username, String password, Tls tls) {

        static final String STARTTLS_ENABLE = "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE";
        static final String STARTTLS_REQUIRED = "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED";

        enum Tls {
            /** Plain connection upgraded with STARTTLS, which the server must offer (port 587). */
            STARTTLS,
            /** TLS from the first byte, "SMTPS" (port 465). */
            SSL,
            /** No TLS at all: a relay on this machine or a test server such as Mailpit. */
            NONE
        }

        /** The relay the environment names; null when {@code PULSE_SMTP_HOST} is not set (the local sink is used). */
        static SmtpRelay from(Map<String, String> env) {
            String host = trimmed(env.get("PULSE_SMTP_HOST"));
            String user = trimmed(env.get("PULSE_SMTP_USER"));
            String password = env.get("PULSE_SMTP_PASSWORD");
            String tlsName = trimmed(env.get("PULSE_SMTP_TLS"));
            if (host == null) {
                for (String name : new String[] {"PULSE_SMTP_USER", "PULSE_SMTP_PASSWORD", "PULSE_SMTP_TLS"}) {
                    if (trimmed(env.get(name)) != null) {
                        throw new IllegalArgumentException(name + " is set but PULSE_SMTP_HOST is not: set PULSE_SMTP_HOST to send "
                                + "through your own SMTP server, or unset " + name + " to use the local mail sink");
                    }
                }
                return null;
            }
            Tls tls;
            try {
                tls = tlsName == null ? Tls.STARTTLS : Tls.valueOf(tlsName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("PULSE_SMTP_TLS must be starttls, ssl or none, not: " + tlsName);
            }
            if (user == null && password != null && !password.isEmpty()) {
                throw new IllegalArgumentException("PULSE_SMTP_PASSWORD is set but PULSE_SMTP_USER is not");
            }
            int port = LocalSettings.port(env, "PULSE_SMTP_PORT", tls == Tls.SSL ? 465 : 587);
            return new SmtpRelay(host, port, user, user == null ? null : (password == null ? "" : password), tls);
        }

        Map<String, String> actionSendEnvironment() {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SMTP_HOST", host);
            env.put("SMTP_PORT", Integer.toString(port));
            env.put("SMTP_USERNAME", username == null ? "" : username);
            env.put("SMTP_PASSWORD", password == null ? "" : password);
            env.put("SPRING_MAIL_PROTOCOL", tls == Tls.SSL ? "smtps" : "smtp");
            // required, not only enabled: a server that does not offer STARTTLS never sees the password in clear
            env.put(STARTTLS_ENABLE, Boolean.toString(tls == Tls.STARTTLS));
            env.put(STARTTLS_REQUIRED, Boolean.toString(tls == Tls.STARTTLS));
            if (tls == Tls.SSL) {
                // the mail health check reads mail.smtps.* for smtps; application.yml sets only mail.smtp.*
                env.put("SPRING_MAIL_PROPERTIES_MAIL_SMTPS_CONNECTIONTIMEOUT", "5000");
                env.put("SPRING_MAIL_PROPERTIES_MAIL_SMTPS_TIMEOUT", "10000");
                env.put("SPRING_MAIL_PROPERTIES_MAIL_SMTPS_WRITETIMEOUT", "10000");
            }
            return env;
        }

        /** For the printed summary: where mail goes, never the password. */
        String describe() {
            return host + ":" + port + " (" + switch (tls) {
                case STARTTLS -> "STARTTLS";
                case SSL -> "SSL/TLS";
                case NONE -> "no TLS";
            } + (username == null ? ", no login" : ", as " + username) + ")";
        }

        @Override
        public String toString() {
            return "SmtpRelay[" + describe() + "]";
        }

        private static String trimmed(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}

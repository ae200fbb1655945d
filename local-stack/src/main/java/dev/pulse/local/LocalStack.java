package dev.pulse.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./pulse up}: starts PostgreSQL (migrated), a KRaft Kafka broker, an SMTP sink (unless
 * {@code PULSE_SMTP_HOST} names a server to send through) and every service, waits until each reports UP,
 * seeds the demo workspace, prints where everything listens and writes it to {@code .pulse/local.env}.
 * Ctrl-C (or {@code ./pulse down}, which sends SIGTERM) stops all of it, children first.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final LocalSettings settings;
    private final List<AutoCloseable> infrastructure = new ArrayList<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;
    private String kafkaBootstrap;
    private DemoSeed.Demo demo;
    private LocalSecrets secrets;

    LocalStack(LocalSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("pulse.home", ".")).toAbsolutePath().normalize();
        LocalSettings settings;
        try {
            settings = LocalSettings.from(home, System.getenv());
        } catch (IllegalArgumentException e) {
            say(e.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "pulse-stop"));
        if (!stack.start()) {
            System.exit(1);
        }
        stack.stopped.await();
    }

    /** Starts everything; false (with the failing service's log shown) if a service did not come UP or seeding failed. */
    boolean start() throws Exception {
        Path state = settings.stateDir();
        Files.createDirectories(state.resolve("logs"));
        Files.deleteIfExists(state.resolve("local.env"));
        Files.writeString(state.resolve("launcher.pid"), ProcessHandle.current().pid() + "\n");
        clearData(state.resolve("data"));
        secrets = LocalSecrets.loadOrCreate(state);

        say("PostgreSQL  starting on port " + settings.postgresPort());
        infrastructure.add(LocalPostgres.start(settings.postgresPort(), state.resolve("data/postgres")));
        say("Kafka       starting (KRaft)");
        LocalKafka kafka = LocalKafka.start();
        infrastructure.add(kafka);
        kafkaBootstrap = kafka.bootstrapServers();
        say("Kafka       listening on " + kafkaBootstrap);
        if (settings.usesSink()) {
            say("SMTP sink   starting on port " + settings.smtpPort() + ", received mail at " + settings.mailViewerUrl());
            infrastructure.add(MailSink.start(settings.smtpPort(), settings.mailViewerPort()));
        } else {
            say("Mail        goes to " + settings.relay().describe() + " (PULSE_SMTP_HOST); no local sink");
        }
        say("Demo feed   serving " + settings.demoFeedUrl());
        infrastructure.add(DemoFeed.start(settings.feedPort()));

        for (ServiceSpec spec : ServiceSpec.ALL) {
            int port = settings.firstServicePort() + spec.portOffset();
            say(String.format("%-11s starting on port %d", spec.name(), port));
            ServiceProcess service = ServiceProcess.start(spec.name(), port, settings.home().resolve(spec.jar()),
                    environment(settings, secrets, kafkaBootstrap, spec, port, spec.name()), state.resolve("logs/" + spec.name() + ".log"));
            services.add(service);
            service.process().onExit().thenRun(() -> reportExit(service));
        }
        writePids(state.resolve("pids"));
        for (ServiceProcess service : services) {
            if (!service.awaitHealthy(START_TIMEOUT)) {
                say(service.name() + " did not become healthy; last lines of " + service.log() + ":");
                tail(service.log(), 30).forEach(line -> System.out.println("    " + line));
                if (service.name().equals("action-send") && !settings.usesSink()) {
                    say("action-send is UP only once it reaches its mail server, " + settings.relay().describe()
                            + ": check PULSE_SMTP_HOST, PULSE_SMTP_PORT, PULSE_SMTP_TLS, PULSE_SMTP_USER and PULSE_SMTP_PASSWORD");
                }
                return false;
            }
        }
        try {
            demo = DemoSeed.create(settings.home().resolve(ServiceSpec.ALL.get(0).jar()), apiUrl(), secrets.jwtSecret(),
                    settings.demoFeedUrl());
        } catch (IOException | RuntimeException e) {
            say("seeding the demo workspace failed: " + e.getMessage());
            say("see " + services.get(0).log());
            return false;
        }
        Map<String, String> env = localEnv();
        Files.write(state.resolve("local.env"), env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        System.out.println();
        System.out.print(summary());
        return true;
    }

    /**
     * What one service process of the stack is started with: its port, the broker, the database, its
     * secrets and its mail settings. {@code instance} names its own state directory (a ticker's local
     * state), so several instances of a service can run side by side.
     */
    static Map<String, String> environment(LocalSettings settings, LocalSecrets secrets, String kafkaBootstrap, ServiceSpec spec,
            int port, String instance) {
        String apiUrl = "http://localhost:" + settings.firstServicePort();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("MALLOC_ARENA_MAX", "2");
        env.put("TICKER_STATE_DIR", settings.stateDir().resolve("data/" + instance).toString());
        if (spec.usesDatabase()) {
            env.put("DB_URL", settings.jdbcUrl());
            env.put("DB_USER", LocalPostgres.USER);
            env.put("DB_PASSWORD", LocalPostgres.PASSWORD);
        }
        env.putAll(secrets.environmentFor(spec.name()));
        if (spec.name().equals("action-scrape")) {
            // everything the local stack serves (the demo feed) is on this machine
            env.put("PULSE_SCRAPE_ALLOWED_NETWORKS", "127.0.0.0/8,::1/128");
        }
        if (spec.usesMail()) {
            // the sink, or the user's own server (PULSE_SMTP_*) as action-send's spring.mail.* settings
            env.putAll(settings.mailEnvironment());
            // the one-click unsubscribe links in the mail point at this stack's API
            env.put("PULSE_PUBLIC_URL", apiUrl);
            // a mail server that is down fails the send in about 10 s, not production's 2.5 minutes, so the
            // README's walk-through (break SMTP, replay) takes moments
            env.putIfAbsent("PULSE_STAGE_MAX_ATTEMPTS", System.getenv().getOrDefault("PULSE_STAGE_MAX_ATTEMPTS", "3"));
            env.putIfAbsent("PULSE_STAGE_BACKOFF", System.getenv().getOrDefault("PULSE_STAGE_BACKOFF", "2s"));
        }
        return env;
    }

    Map<String, String> localEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PULSE_API_URL", apiUrl());
        if (demo != null) {
            env.put("PULSE_TOKEN", demo.token());
            env.put("PULSE_WORKSPACE_ID", demo.workspaceId());
            env.put("PULSE_JOB_ID", demo.jobId());
            env.put("PULSE_USER_ID", demo.userId().toString());
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("DB_URL", settings.jdbcUrl());
        env.put("DB_USER", LocalPostgres.USER);
        env.put("DB_PASSWORD", LocalPostgres.PASSWORD);
        Map<String, String> mail = settings.mailEnvironment();
        env.put("SMTP_HOST", mail.get("SMTP_HOST"));
        env.put("SMTP_PORT", mail.get("SMTP_PORT"));
        if (settings.usesSink()) {
            env.put("PULSE_MAIL_URL", settings.mailViewerUrl());
        }
        env.put("PULSE_DEMO_FEED_URL", settings.demoFeedUrl());
        if (secrets != null) {
            env.put(LocalSecrets.JWT, secrets.jwtSecret());
            env.put(LocalSecrets.UNSUBSCRIBE, secrets.unsubscribeSecret());
        }
        for (ServiceProcess service : services) {
            env.put("PULSE_" + service.name().toUpperCase().replace('-', '_') + "_HEALTH", service.healthUri().toString());
        }
        return env;
    }

    private String apiUrl() {
        return "http://localhost:" + settings.firstServicePort();
    }

    /** What is printed once everything is up. */
    String summary() {
        StringBuilder out = new StringBuilder("Pulse is up. Ctrl-C or ./pulse down stops everything.\n");
        for (ServiceProcess service : services) {
            out.append(String.format("  %-16s http://localhost:%d   (pid %d, log %s)%n", service.name(), service.port(),
                    service.pid(), settings.home().relativize(service.log())));
        }
        out.append(String.format("  %-16s %s%n", "Kafka", kafkaBootstrap));
        out.append(String.format("  %-16s %s  (user %s, password %s)%n", "PostgreSQL", settings.jdbcUrl(), LocalPostgres.USER,
                LocalPostgres.PASSWORD));
        if (settings.usesSink()) {
            out.append(String.format("  %-16s %s  (every message Pulse sends, readable there; SMTP sink smtp://localhost:%d)%n",
                    "Received mail", settings.mailViewerUrl(), settings.smtpPort()));
        } else {
            out.append(String.format("  %-16s sent through %s, not to a local sink (none is running)%n", "Mail",
                    settings.relay().describe()));
        }
        out.append(String.format("  %-16s %s (a source of the demo workspace)%n", "Demo feed", settings.demoFeedUrl()));
        out.append(String.format("  %-16s %s%n", "Feed check", "http://localhost:" + (settings.firstServicePort() + 2)
                + "/feeds/preview?url=" + settings.demoFeedUrl()));
        out.append(String.format("  %-16s %s%n", "API docs", apiUrl() + "/swagger-ui.html"));
        if (demo != null) {
            out.append(String.format("  %-16s workspace %s, user %s (%s)%n", "Demo", demo.workspaceId(), demo.userId(),
                    DemoSeed.DEMO_EMAIL));
            out.append(String.format("  %-16s %d: %s and %s … %s%n", "Subscribers", DemoSeed.SUBSCRIBERS, DemoSeed.DEMO_EMAIL,
                    DemoSeed.readerEmail(1), DemoSeed.readerEmail(DemoSeed.READERS)));
            out.append(String.format("  %-16s %s (daily at 08:00 UTC; run it now with POST /api/v1/scheduler/%s/run-now)%n",
                    "Demo job", demo.jobId(), demo.jobId()));
            out.append(String.format("  %-16s %s (the demo user's, with the operator scope for /api/v1/ops)%n", "Token", demo.token()));
        }
        out.append("  Try: curl -H \"Authorization: Bearer $PULSE_TOKEN\" $PULSE_API_URL/api/v1/scheduler/workspaces/$PULSE_WORKSPACE_ID\n");
        out.append("  The same is in .pulse/local.env (source it); ./pulse status checks every service.\n");
        return out.toString();
    }

    private void reportExit(ServiceProcess service) {
        if (!stopping) {
            say(service.name() + " exited with code " + service.process().exitValue() + "; see " + service.log());
        }
    }

    List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** Stops the services first (so they leave their consumer groups), then mail, Kafka, PostgreSQL. */
    @Override
    public synchronized void close() {
        if (stopping) {
            return;
        }
        stopping = true;
        say("stopping");
        for (ServiceProcess service : services) {
            try {
                service.stop(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (int i = infrastructure.size() - 1; i >= 0; i--) {
            try {
                infrastructure.get(i).close();
            } catch (Exception e) {
                say("could not stop cleanly: " + e);
            }
        }
        try {
            for (String file : List.of("local.env", "pids", "launcher.pid")) {
                Files.deleteIfExists(settings.stateDir().resolve(file));
            }
        } catch (IOException ignored) {
            // best effort: the next start overwrites them
        }
        say("stopped");
        stopped.countDown();
    }

    /**
     * Every start begins empty (Kafka's data is gone too), and a launcher that was killed leaves its
     * data behind: PostgreSQL's initdb and the ticker's local state both need it gone.
     */
    private static void clearData(Path data) throws IOException {
        if (!Files.exists(data)) {
            return;
        }
        try (var paths = Files.walk(data)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private void writePids(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        services.forEach(s -> lines.add(s.name() + " " + s.pid()));
        Files.write(file, lines);
    }

    private static List<String> tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
    }

    private static void say(String message) {
        System.out.println("[pulse] " + message);
    }
}

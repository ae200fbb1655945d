package dev.pulse.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.pulse.testsupport.FreePorts;

/**
 * The whole pipeline through faults, on the local stack's parts: PostgreSQL, the KRaft broker, a counting
 * SMTP sink, a feed, and every service as its own process ({@code instances} of each). Jobs with their
 * own workspace and list come due in waves while a random service instance is killed with SIGKILL and
 * started again every 20-40 s, the broker is restarted once, PostgreSQL once, and SMTP is down for a
 * while. Then the jobs are paused, the pipeline drains, and the run is checked against the database and
 * the sink: {@link ChaosCheck}. {@code bench/pipeline-chaos.sh} runs it in full; {@code PipelineChaosTest}
 * runs a short one in the suite.
 */
final class PipelineChaos {

    /** How big and how long; {@link #fromSystemProperties} reads {@code chaos.*}. */
    record Settings(int jobs, int subscribers, Duration chaos, int intervalMinutes, int instances, Duration smtpOutage,
            Duration drain, long seed) {

        static Settings fromSystemProperties(Settings defaults) {
            return new Settings(Integer.getInteger("chaos.jobs", defaults.jobs()),
                    Integer.getInteger("chaos.subscribers", defaults.subscribers()),
                    Duration.ofSeconds(Long.getLong("chaos.seconds", defaults.chaos().toSeconds())),
                    Integer.getInteger("chaos.intervalMinutes", defaults.intervalMinutes()),
                    Integer.getInteger("chaos.instances", defaults.instances()),
                    Duration.ofSeconds(Long.getLong("chaos.smtpOutageSeconds", defaults.smtpOutage().toSeconds())),
                    Duration.ofSeconds(Long.getLong("chaos.drainSeconds", defaults.drain().toSeconds())),
                    Long.getLong("chaos.seed", defaults.seed()));
        }
    }

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Settings settings;
    private final Random random;
    private final Path home = Path.of("..").toAbsolutePath().normalize();
    private final Path state = Path.of("target", "pipeline-chaos").toAbsolutePath();
    private final List<Instance> instances = new ArrayList<>();
    private final Map<String, Integer> kills = new LinkedHashMap<>();
    private final Map<String, Integer> launches = new HashMap<>();
    private final List<String> events = new ArrayList<>();
    private final Map<UUID, Job> jobs = new LinkedHashMap<>();
    private LocalPostgres postgres;
    private LocalKafka kafka;
    private CountingSmtpSink sink;
    private DemoFeed feed;
    private LocalSettings local;
    private LocalSecrets secrets;
    private String token;
    private Instant chaosStart;

    /** One process of one service: which, which of its instances, on which port. */
    private record Instance(ServiceSpec spec, int index, int port, ServiceProcess[] process) {
        String name() {
            return spec.name() + "-" + index;
        }
    }

    /** A job of the run: its workspace, its first instant, and when it was created. */
    record Job(UUID id, UUID workspace, Instant anchor, Instant createdAt) {
    }

    PipelineChaos(Settings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    ChaosCheck.Outcome run() throws Exception {
        try {
            startInfrastructure();
            startServices();
            createJobs();
            chaos();
            pauseAll();
            drain();
            return check();
        } finally {
            close();
        }
    }

    private void startInfrastructure() throws IOException {
        clear(state);
        Files.createDirectories(state.resolve("logs"));
        int postgresPort = FreePorts.one();
        int feedPort = FreePorts.one();
        sink = CountingSmtpSink.start();
        local = new LocalSettings(home, state, postgresPort, sink.port(), FreePorts.one(), feedPort,
                FreePorts.consecutive(ServiceSpec.ALL.size() * settings.instances(), 31000));
        postgres = LocalPostgres.start(postgresPort, state.resolve("data/postgres"));
        kafka = LocalKafka.start();
        feed = DemoFeed.start(feedPort);
        secrets = LocalSecrets.loadOrCreate(state);
        say("settings: " + settings);
        say("infrastructure up: PostgreSQL on " + postgresPort + ", Kafka " + kafka.bootstrapServers() + ", SMTP sink on "
                + sink.port());
    }

    private void startServices() throws Exception {
        for (int index = 0; index < settings.instances(); index++) {
            for (ServiceSpec spec : ServiceSpec.ALL) {
                int port = local.firstServicePort() + spec.portOffset() + ServiceSpec.ALL.size() * index;
                Instance instance = new Instance(spec, index, port, new ServiceProcess[1]);
                instances.add(instance);
                launch(instance);
            }
        }
        for (Instance instance : instances) {
            if (!instance.process()[0].awaitHealthy(Duration.ofSeconds(240))) {
                throw new IllegalStateException(instance.name() + " did not come UP; see " + instance.process()[0].log());
            }
        }
        token = DemoSeed.mintToken(home.resolve(ServiceSpec.ALL.get(0).jar()), secrets.jwtSecret());
        say("services up: " + instances.size() + " processes");
    }

    private void launch(Instance instance) throws IOException {
        Map<String, String> env = LocalStack.environment(local, secrets, kafka.bootstrapServers(), instance.spec(),
                instance.port(), instance.name());
        // production's retries: a 30 s SMTP outage is ridden out, not turned into failed runs
        env.remove("PULSE_STAGE_MAX_ATTEMPTS");
        env.remove("PULSE_STAGE_BACKOFF");
        if (instance.spec().name().equals("action-generate")) {
            // every run reads the same feed: with the default (items used within 7 days are left out) the
            // second run of a job would fail, rightly, with NO_CONTENT
            env.put("PULSE_GENERATE_USED_WINDOW", "0s");
        }
        // a log per process started, so a killed instance's last lines stay readable
        int launch = launches.merge(instance.name(), 1, Integer::sum);
        instance.process()[0] = ServiceProcess.start(instance.name(), instance.port(), home.resolve(instance.spec().jar()), env,
                state.resolve("logs/" + instance.name() + (launch == 1 ? "" : "." + launch) + ".log"));
    }

    /** One workspace per job, its list imported in one call, the demo feed as its source, an interval from a staggered anchor. */
    private void createJobs() throws Exception {
        List<UUID> workspaces = new ArrayList<>();
        for (int j = 0; j < settings.jobs(); j++) {
            UUID workspace = UUID.fromString(post("/api/v1/workspaces", "application/json", "{\"name\": \"chaos " + j + "\"}"));
            workspaces.add(workspace);
            StringBuilder csv = new StringBuilder("email,name\n");
            for (int r = 0; r < settings.subscribers(); r++) {
                csv.append(email(j, r)).append(",Reader ").append(r).append('\n');
            }
            send("POST", "/api/v1/workspaces/" + workspace + "/subscribers/import", "text/csv; charset=utf-8", csv.toString(), 200);
            post("/api/v1/workspaces/" + workspace + "/sources", "application/json",
                    "{\"type\": \"rss\", \"name\": \"feed\", \"url\": \"" + local.demoFeedUrl() + "\"}");
        }
        Instant firstWave = Instant.now().plusSeconds(20).plusMillis(50L * settings.jobs()).truncatedTo(ChronoUnit.SECONDS);
        long spreadMillis = Duration.ofMinutes(settings.intervalMinutes()).toMillis();
        for (int j = 0; j < settings.jobs(); j++) {
            UUID workspace = workspaces.get(j);
            // waves: the jobs' anchors spread over one interval, so some come due every few seconds throughout
            Instant anchor = firstWave.plusMillis(spreadMillis * j / settings.jobs()).truncatedTo(ChronoUnit.SECONDS);
            UUID job = UUID.fromString(post("/api/v1/scheduler", "application/json", """
                    {"workspace_id": "%s", "name": "chaos %d", "schedule_type": "custom", "interval_minutes": %d,
                     "anchor_at": "%s", "config": {"sources": ["rss"], "max_items": 10, "days_back": 30}}"""
                    .formatted(workspace, j, settings.intervalMinutes(), anchor)));
            jobs.put(job, new Job(job, workspace, anchor, Instant.now()));
        }
        chaosStart = firstWave;
        say(settings.jobs() + " jobs of " + settings.subscribers() + " subscribers each, every " + settings.intervalMinutes()
                + " min from " + firstWave);
    }

    /** Kills every 20-40 s, in rounds over every instance; the broker, PostgreSQL and SMTP once each. */
    private void chaos() throws Exception {
        sleepUntil(chaosStart);
        Instant end = chaosStart.plus(settings.chaos());
        Instant smtpAt = chaosStart.plus(settings.chaos().multipliedBy(2).dividedBy(10));
        Instant brokerAt = chaosStart.plus(settings.chaos().multipliedBy(4).dividedBy(10));
        Instant postgresAt = chaosStart.plus(settings.chaos().multipliedBy(6).dividedBy(10));
        boolean smtpDone = false;
        boolean brokerDone = false;
        boolean postgresDone = false;
        List<Instance> round = new ArrayList<>();
        Instant nextKill = Instant.now().plusSeconds(20 + random.nextInt(21));
        while (Instant.now().isBefore(end)) {
            if (!smtpDone && Instant.now().isAfter(smtpAt)) {
                smtpDone = true;
                event("SMTP down for " + settings.smtpOutage().toSeconds() + " s");
                sink.down();
                Thread.sleep(settings.smtpOutage().toMillis());
                sink.up();
                event("SMTP up");
            } else if (!brokerDone && Instant.now().isAfter(brokerAt)) {
                brokerDone = true;
                event("broker restart");
                kafka.restart();
                event("broker back");
            } else if (!postgresDone && Instant.now().isAfter(postgresAt)) {
                postgresDone = true;
                event("PostgreSQL restart");
                postgres.restart();
                event("PostgreSQL back");
            } else if (Instant.now().isAfter(nextKill)) {
                if (round.isEmpty()) {
                    round.addAll(instances);
                    java.util.Collections.shuffle(round, random);
                }
                kill(round.remove(0));
                nextKill = Instant.now().plusSeconds(20 + random.nextInt(21));
            }
            Thread.sleep(200);
        }
        event("chaos over");
    }

    /** SIGKILL, and a new process at once, as a supervisor would; action-send is killed in the middle of a list. */
    private void kill(Instance instance) throws Exception {
        if (instance.spec().usesMail()) {
            Instant deadline = Instant.now().plusSeconds(15);
            while (!sink.receivingWithin(300) && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
        }
        boolean midList = instance.spec().usesMail() && sink.receivingWithin(300);
        instance.process()[0].process().destroyForcibly().waitFor();
        kills.merge(instance.spec().name(), 1, Integer::sum);
        event("kill -9 " + instance.name() + (midList ? " (mid-list)" : ""));
        launch(instance);
    }

    /** No instant after this is waited for: the ticker may or may not have fired it before the pause arrived. */
    private Instant pausedAt;

    private void pauseAll() throws Exception {
        pausedAt = Instant.now();
        for (Job job : jobs.values()) {
            send("POST", "/api/v1/scheduler/" + job.id() + "/pause", "application/json", null, 200);
        }
        event("jobs paused");
    }

    private void drain() throws Exception {
        for (Instance instance : instances) {
            instance.process()[0].awaitHealthy(Duration.ofSeconds(120));
        }
        JdbcClient db = JdbcClient.create(postgres.dataSource());
        Instant deadline = Instant.now().plus(settings.drain());
        long open = -1;
        while (Instant.now().isBefore(deadline)) {
            open = db.sql("select count(*) from scheduler_executions where status in ('pending', 'running')").query(Long.class).single();
            if (open == 0) {
                break;
            }
            Thread.sleep(2_000);
        }
        // the last folds and counters: every event consumed by the tracker
        Thread.sleep(5_000);
        event("drained (" + open + " open)");
    }

    private ChaosCheck.Outcome check() {
        return new ChaosCheck(JdbcClient.create(postgres.dataSource()), settings, jobs.values(), pausedAt).against(sink,
                kills, events);
    }

    private void close() {
        for (Instance instance : instances) {
            try {
                if (instance.process()[0] != null) {
                    instance.process()[0].stop(Duration.ofSeconds(10));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (AutoCloseable part : new AutoCloseable[] {feed, sink, kafka, postgres}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                say("could not stop cleanly: " + e);
            }
        }
    }

    static String email(int job, int reader) {
        return "c" + job + "-r" + reader + "@chaos.test";
    }

    /** POSTs to whichever API instance answers (one may just have been killed); returns the id created. */
    private String post(String path, String type, String body) throws Exception {
        Matcher id = ID.matcher(send("POST", path, type, body, 201));
        if (!id.find()) {
            throw new IllegalStateException("no id from " + path);
        }
        return id.group(1);
    }

    private String send(String method, String path, String type, String body, int expected) throws Exception {
        List<Instance> apis = instances.stream().filter(i -> i.spec().name().equals("scheduler-api")).toList();
        Exception last = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            Instance api = apis.get(attempt % apis.size());
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (type != null) {
                request.header("Content-Type", type);
            }
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == expected) {
                    return response.body();
                }
                if (response.statusCode() < 500) {
                    throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
                }
                last = new IllegalStateException(response.statusCode() + " " + response.body());
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException(method + " " + path + " failed on every API instance", last);
    }

    private void event(String what) {
        String line = Duration.between(chaosStart, Instant.now()).toSeconds() + " s: " + what;
        events.add(line);
        say(line);
    }

    static void say(String message) {
        System.out.println("[chaos] " + message);
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static void clear(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

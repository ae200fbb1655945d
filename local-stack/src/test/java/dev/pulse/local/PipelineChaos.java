package dev.pulse.local;

import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole pipeline through faults, on the local stack's parts: PostgreSQL, the KRaft broker, a counting
 * SMTP sink, a feed, and every service as its own process ({@code instances} of each). Jobs with their
 * own workspace and list come due in waves while a random service instance is killed with SIGKILL and
 * started again every 20-40 s, the broker is restarted once, PostgreSQL once, and SMTP is down for a
 * while. Then the jobs are paused, the pipeline drains, and the run is checked against the database and
 * the sink: {@link Outcome}. {@code bench/pipeline-chaos.sh} runs it in full; {@code PipelineChaosTest}
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
    /** action-send's documented bound: at most one repeat per SMTP connection in flight at a SIGKILL. */
    private static final int SEND_CONNECTIONS = 4;

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
    private record Job(UUID id, UUID workspace, Instant anchor, Instant createdAt) {
    }

    PipelineChaos(Settings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    Outcome run() throws Exception {
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
        int postgresPort = freePort();
        int feedPort = freePort();
        sink = CountingSmtpSink.start();
        local = new LocalSettings(home, state, postgresPort, sink.port(), freePort(), feedPort,
                freeConsecutivePorts(ServiceSpec.ALL.size() * settings.instances()));
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

    /** What the run shows, from the database and the sink. */
    record Outcome(long runs, long terminal, long stuck, long completed, long missed, long failed, long partial,
            long mailsExpected, long mailsReceived, long duplicates, long bound, long missing, long lostInstants,
            long counterMismatches, Map<String, Integer> kills, List<String> events, List<String> problems) {

        String line() {
            return String.format(Locale.ROOT, "chaos: runs %d, terminal %d, stuck %d, mails expected %d, received %d, duplicates %d (bound %d), missing %d",
                    runs, terminal, stuck, mailsExpected, mailsReceived, duplicates, bound, missing);
        }
    }

    private Outcome check() {
        JdbcClient db = JdbcClient.create(postgres.dataSource());
        List<String> problems = new ArrayList<>();
        Map<String, Long> byStatus = new HashMap<>();
        db.sql("select status, count(*) from scheduler_executions group by status")
                .query((rs, i) -> byStatus.put(rs.getString(1), rs.getLong(2))).list();
        long runs = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long stuck = byStatus.getOrDefault("pending", 0L) + byStatus.getOrDefault("running", 0L);
        long failedWithoutReason = db.sql("select count(*) from scheduler_executions where status = 'failed' and error_code is null")
                .query(Long.class).single();
        if (failedWithoutReason > 0) {
            problems.add(failedWithoutReason + " failed runs without a reason");
        }

        // every instant from a job's anchor to the pause is there: run, or recorded as missed
        long lost = 0;
        Duration interval = Duration.ofMinutes(settings.intervalMinutes());
        for (Job job : jobs.values()) {
            List<Instant> seen = db.sql("select scheduled_for from scheduler_executions where job_id = ? and trigger = 'schedule'")
                    .param(job.id()).query((rs, i) -> rs.getTimestamp(1).toInstant()).list();
            for (Instant instant = job.anchor(); instant.isBefore(pausedAt.minusSeconds(5)); instant = instant.plus(interval)) {
                // an anchor that had passed when the job was created is not one of its instants
                if (instant.isAfter(job.createdAt()) && !seen.contains(instant)) {
                    lost++;
                    problems.add("job " + job.id() + " lost its instant " + instant);
                }
            }
        }

        // counters against the executions
        long mismatches = db.sql("""
                select count(*) from scheduler_jobs j where
                    j.total_runs <> (select count(*) from scheduler_executions e where e.job_id = j.id and e.status in ('completed', 'partial', 'failed'))
                 or j.successful_runs <> (select count(*) from scheduler_executions e where e.job_id = j.id and e.status = 'completed')
                 or j.failed_runs <> (select count(*) from scheduler_executions e where e.job_id = j.id and e.status = 'failed')""")
                .query(Long.class).single();
        if (mismatches > 0) {
            problems.add(mismatches + " jobs whose counters differ from their executions");
        }

        // each active subscriber of a completed run mailed once, counted at the sink by recipient and Message-ID
        Map<CountingSmtpSink.Delivery, Integer> received = sink.counts();
        Map<UUID, Integer> jobIndex = new HashMap<>();
        int index = 0;
        for (UUID job : jobs.keySet()) {
            jobIndex.put(job, index++);
        }
        List<UUID[]> completed = db.sql("select id, job_id from scheduler_executions where status = 'completed'")
                .query((rs, i) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).list();
        long expected = (long) completed.size() * settings.subscribers();
        long delivered = 0;
        long missing = 0;
        for (UUID[] run : completed) {
            Map<String, String> messageIds = new HashMap<>();
            db.sql("select lower(email), message_id from deliveries where execution_id = ?").param(run[0])
                    .query((rs, i) -> messageIds.put(rs.getString(1), rs.getString(2))).list();
            int j = jobIndex.get(run[1]);
            for (int r = 0; r < settings.subscribers(); r++) {
                String email = email(j, r);
                String messageId = messageIds.get(email);
                int count = messageId == null ? 0 : received.getOrDefault(new CountingSmtpSink.Delivery(email, messageId), 0);
                if (count == 0) {
                    missing++;
                    if (missing <= 20) {
                        problems.add("execution " + run[0] + ": nothing for " + email + (messageId == null ? " (not in its ledger)" : ""));
                    }
                } else {
                    delivered++;
                }
            }
        }
        long duplicates = received.values().stream().mapToLong(count -> count - 1L).sum();
        long bound = (long) SEND_CONNECTIONS * kills.getOrDefault("action-send", 0);
        Outcome outcome = new Outcome(runs, runs - stuck, stuck, byStatus.getOrDefault("completed", 0L), byStatus.getOrDefault("missed", 0L),
                byStatus.getOrDefault("failed", 0L), byStatus.getOrDefault("partial", 0L), expected, delivered, duplicates, bound,
                missing, lost, mismatches, Map.copyOf(kills), List.copyOf(events), problems);
        say(String.format(Locale.ROOT, "runs by status %s; kills %s; lost instants %d; counter mismatches %d; mail messages at the sink %d",
                byStatus, kills, lost, mismatches, sink.received()));
        problems.stream().limit(30).forEach(problem -> say("problem: " + problem));
        System.out.println(outcome.line());
        return outcome;
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

    private static String email(int job, int reader) {
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

    private static void say(String message) {
        System.out.println("[chaos] " + message);
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int freeConsecutivePorts(int count) throws IOException {
        for (int base = 31000; base < 40000; base += count) {
            boolean free = true;
            for (int port = base; port < base + count && free; port++) {
                try (ServerSocket ignored = new ServerSocket(port)) {
                    // free
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports");
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

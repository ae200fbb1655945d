package dev.pulse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.ContentScraped;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.messages.SourceOutcome;
import dev.pulse.contracts.messages.Trigger;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.testsupport.EmbeddedPostgresDatabase;
import dev.pulse.testsupport.KraftBroker;

/**
 * action-scrape as its own process on a real broker and PostgreSQL, reading 200 feeds × 50 items from
 * a local server on 50 loopback hosts; beside it, in the same run and on the same feeds, the original's
 * way: Python feedparser fetching and parsing one feed after another. Then 1,000 jobs due together
 * over the same 200 feeds (each fetched once?), and the peak resident memory while a 10 MiB feed is
 * parsed. Prints a table for docs/benchmarks.md.
 */
final class ScrapeBenchmark {

    private static final int FEEDS = 200;
    private static final int ITEMS = 50;
    private static final int HOSTS = 50;
    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    private static final int WARM_UPS = Integer.getInteger("bench.warmUps", 60);
    private static final int JOBS = Integer.getInteger("bench.jobs", 1000);
    private static final int SOURCES_PER_JOB = 20;
    private static final String HEAP = System.getProperty("bench.heap", "384m");
    private static final Duration WAIT = Duration.ofSeconds(120);

    private final MessageCodec codec = new MessageCodec();
    private final List<String> rows = new ArrayList<>();
    private final BenchFeedServer feeds;
    private final DataSource db;
    private final KafkaProducer<String, byte[]> producer;
    private final String bootstrap;
    private final UUID owner = UUID.randomUUID();
    private ServiceProcess scrape;
    /** The machine's CPU counters as the last timed job was sent and as its result was seen. */
    private final BoxCpu[] lastRunBox = new BoxCpu[2];

    private ScrapeBenchmark(BenchFeedServer feeds, DataSource db, String bootstrap) {
        this.feeds = feeds;
        this.db = db;
        this.bootstrap = bootstrap;
        this.producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
    }

    public static void main(String[] args) throws Exception {
        Path scrapeJar = Path.of(args.length > 0 ? args[0] : "action-scrape/target/action-scrape-exec.jar").toAbsolutePath();
        String python = args.length > 1 ? args[1] : "bench/.venv-feedparser/bin/python";
        EmbeddedKafkaKraftBroker broker = KraftBroker.start();
        try (BenchFeedServer feeds = new BenchFeedServer()) {
            ScrapeBenchmark benchmark = new ScrapeBenchmark(feeds, EmbeddedPostgresDatabase.dataSource(),
                    KraftBroker.bootstrapServers(broker));
            benchmark.run(scrapeJar, python);
            System.out.println();
            System.out.println("| system | measure | result | target |");
            System.out.println("|---|---|---|---|");
            benchmark.rows.forEach(System.out::println);
        }
        System.exit(0);
    }

    private void run(Path scrapeJar, String python) throws Exception {
        execute("INSERT INTO users (id, email) VALUES (?, ?)", owner, "bench-" + owner + "@example.org");
        int sets = WARM_UPS + RUNS + 3 + 1;
        for (int set = 0; set < sets; set++) {
            for (int feed = 0; feed < FEEDS; feed++) {
                feeds.put(path(set, feed), rss("s" + set + "f" + feed, ITEMS, 300));
            }
        }
        feeds.put("/big.xml", rss("big", 15_000, 500)); // just under the 10 MiB cap
        scrape = ServiceProcess.of("action-scrape", scrapeJar, Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "DB_URL", EmbeddedPostgresDatabase.jdbcUrl(),
                "DB_USER", EmbeddedPostgresDatabase.USER,
                "DB_PASSWORD", EmbeddedPostgresDatabase.PASSWORD,
                "PULSE_SCRAPE_ALLOWED_NETWORKS", "127.0.0.0/8",
                "MALLOC_ARENA_MAX", "2"), HEAP);
        scrape.start();
        say("action-scrape up");

        int set = 0;
        for (int warmUp = 0; warmUp < WARM_UPS; warmUp++) {
            oneJobOverEveryFeed(set++); // the figures are for a running service, not its JIT
        }
        long[] pulse = new long[RUNS];
        long[] cpu = new long[RUNS];
        long[] postgres = new long[RUNS];
        long[] busy = new long[RUNS];
        long[] steal = new long[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long cpuBefore = scrape.cpuMillis();
            Map<Long, Long> postgresBefore = ServiceProcess.postgresCpu();
            pulse[run] = oneJobOverEveryFeed(set++);
            cpu[run] = scrape.cpuMillis() - cpuBefore;
            postgres[run] = ServiceProcess.postgresCpuSince(postgresBefore);
            busy[run] = lastRunBox[1].busyPercentSince(lastRunBox[0]);
            steal[run] = lastRunBox[1].stealPercentSince(lastRunBox[0]);
        }
        long[] peer = new long[3];
        long[] peerSteal = new long[peer.length];
        for (int run = 0; run < peer.length; run++) {
            BoxCpu boxBefore = BoxCpu.now();
            peer[run] = feedparserSequential(python, set++);
            peerSteal[run] = BoxCpu.now().stealPercentSince(boxBefore);
        }
        long pulseMedian = median(pulse);
        long peerMedian = median(peer);
        row("Pulse", "200 feeds × 50 items fetched, parsed, stored, selected (JobDue in → ContentScraped out), median of "
                + RUNS + " (" + Arrays.toString(pulse) + " ms)", pulseMedian + " ms", "≤ 3000 ms");
        row("Pulse", "… CPU time of the action-scrape process per run, median (" + Arrays.toString(cpu) + " ms)",
                median(cpu) + " ms", "");
        row("Pulse", "… CPU time of PostgreSQL per run, median (" + Arrays.toString(postgres) + " ms)", median(postgres) + " ms", "");
        row("Pulse", "… the machine's cores busy during a run, median (" + Arrays.toString(busy) + " %; stolen by the host "
                + Arrays.toString(steal) + " %)", median(busy) + " %", "");
        row("feedparser 6.0.14", "the same 200 feeds fetched and parsed one after another, median of 3 ("
                + Arrays.toString(peer) + " ms; stolen by the host " + Arrays.toString(peerSteal) + " %)", peerMedian + " ms", "");
        row("ratio", "feedparser time / Pulse time", String.format("%.1f×", (double) peerMedian / pulseMedian), "≥ 5×");

        coalescedBurst(set++);

        long before = scrape.peakResidentMegabytes();
        long bigMillis = timeOneJob(List.of(feeds.url(1, "/big.xml").toString()));
        long after = scrape.peakResidentMegabytes();
        row("Pulse", String.format("a %.1f MiB feed (15,000 items) read in one run: peak resident memory before → after (heap -Xmx%s)",
                        feeds.size("/big.xml") / 1048576.0, HEAP), before + " → " + after + " MB (run took " + bigMillis + " ms)",
                "bounded");
        scrape.stop();
    }

    /** One workspace with every feed of a set; milliseconds from JobDue sent to ContentScraped seen. */
    private long oneJobOverEveryFeed(int set) throws Exception {
        List<String> urls = new ArrayList<>();
        for (int feed = 0; feed < FEEDS; feed++) {
            urls.add(feeds.url(1 + feed % HOSTS, path(set, feed)).toString());
        }
        long millis = timeOneJob(urls);
        say("set " + set + ": " + millis + " ms");
        return millis;
    }

    private long timeOneJob(List<String> urls) throws Exception {
        UUID workspace = workspace(urls);
        try (TopicCollector out = new TopicCollector(bootstrap, Topics.CONTENT_SCRAPED.name())) {
            JobDue due = jobDue(workspace);
            lastRunBox[0] = BoxCpu.now();
            long start = System.currentTimeMillis();
            send(due);
            awaitCount(out, 1);
            lastRunBox[1] = BoxCpu.now();
            ContentScraped result = codec.decode(out.records().get(0).value(), ContentScraped.class);
            long failed = result.sources().stream().filter(s -> s.outcome() == SourceOutcome.FAILED).count();
            if (failed > 0 || result.sources().size() != urls.size()) {
                throw new IllegalStateException(failed + " sources failed: " + result.sources());
            }
            return out.records().get(0).visibleMillis() - start;
        }
    }

    private long feedparserSequential(String python, int set) throws Exception {
        Path list = Files.createTempFile("bench-feeds-", ".txt");
        List<String> urls = new ArrayList<>();
        for (int feed = 0; feed < FEEDS; feed++) {
            urls.add(feeds.url(1 + feed % HOSTS, path(set, feed)).toString());
        }
        Files.write(list, urls);
        Process process = new ProcessBuilder(python, "bench/feedparser-sequential.py", list.toString())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("feedparser run failed: " + out);
        }
        String[] fields = out.split("\\s+");
        if (Integer.parseInt(fields[1]) != FEEDS * ITEMS) {
            throw new IllegalStateException("feedparser read " + fields[1] + " items, not " + FEEDS * ITEMS);
        }
        long millis = Math.round(Double.parseDouble(fields[0]) * 1000);
        say("feedparser, set " + set + ": " + millis + " ms");
        return millis;
    }

    /** 1,000 workspaces, each with 20 of the set's 200 feeds (every feed in 100 of them), all due at once. */
    private void coalescedBurst(int set) throws Exception {
        List<JobDue> dues = new ArrayList<>();
        for (int job = 0; job < JOBS; job++) {
            List<String> urls = new ArrayList<>();
            for (int k = 0; k < SOURCES_PER_JOB; k++) {
                int feed = (job * 13 + k * (FEEDS / SOURCES_PER_JOB)) % FEEDS;
                urls.add(feeds.url(1 + feed % HOSTS, path(set, feed)).toString());
            }
            dues.add(jobDue(workspace(urls)));
        }
        try (TopicCollector out = new TopicCollector(bootstrap, Topics.CONTENT_SCRAPED.name())) {
            long start = System.currentTimeMillis();
            dues.forEach(this::sendAsync);
            producer.flush();
            awaitCount(out, JOBS);
            long last = out.records().stream().mapToLong(TopicCollector.Raw::visibleMillis).max().orElseThrow();
            Set<UUID> executions = new HashSet<>();
            out.records().forEach(r -> executions.add(codec.decode(r.value(), ContentScraped.class).envelope().executionId()));
            int requests = 0;
            int mostForOneFeed = 0;
            for (int feed = 0; feed < FEEDS; feed++) {
                int hits = feeds.hits(path(set, feed));
                requests += hits;
                mostForOneFeed = Math.max(mostForOneFeed, hits);
            }
            row("Pulse", String.format("%,d jobs due together over the same 200 feeds (20 each): all ContentScraped out after", JOBS),
                    (last - start) + " ms (" + executions.size() + " distinct executions)", "≤ 15000 ms");
            row("Pulse", "… requests the feed server saw for those 200 feeds (most for one feed)",
                    requests + " (" + mostForOneFeed + ")", "200 (1)");
        }
    }

    private UUID workspace(List<String> urls) throws SQLException {
        UUID workspace = UUID.randomUUID();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO workspaces (id, name, created_by) VALUES (?, 'bench', ?)")) {
                insert.setObject(1, workspace);
                insert.setObject(2, owner);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO workspace_sources (id, workspace_id, type, url) VALUES (?, ?, 'rss', ?)")) {
                for (String url : urls) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, workspace);
                    insert.setString(3, url);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        return workspace;
    }

    private JobDue jobDue(UUID workspace) {
        Instant now = Instant.now();
        JobConfig config = new JobConfig(10, 1, List.of(), null, false, List.of(), null);
        return new JobDue(Envelope.forExecution(UUID.randomUUID(), Trigger.SCHEDULE, null, false, UUID.randomUUID(),
                workspace, Plan.of(Action.SCRAPE, Action.GENERATE, Action.SEND), config, now), now, null);
    }

    private void send(JobDue due) throws Exception {
        sendAsync(due);
        producer.flush();
    }

    private void sendAsync(JobDue due) {
        producer.send(new ProducerRecord<>(Topics.JOB_DUE.name(), due.envelope().executionId().toString(), codec.encode(due)));
    }

    private static void awaitCount(TopicCollector out, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (out.count() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("only " + out.count() + " of " + count + " ContentScraped within " + WAIT);
            }
            Thread.sleep(5);
        }
    }

    private void execute(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }

    private static String path(int set, int feed) {
        return "/s" + set + "/f" + feed + ".xml";
    }

    /** RSS 2.0 of {@code items} items, a minute apart up to now, with {@code summary}-character descriptions. */
    static byte[] rss(String name, int items, int summary) {
        Instant newest = Instant.now();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>")
                .append(name).append("</title><link>https://").append(name).append(".example.org/</link>");
        String text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(Math.max(1, summary / 57));
        for (int i = 0; i < items; i++) {
            xml.append("<item><title>").append(name).append(" item ").append(i).append("</title><link>https://")
                    .append(name).append(".example.org/posts/").append(i).append("</link><guid isPermaLink=\"false\">")
                    .append(name).append('-').append(i).append("</guid><pubDate>")
                    .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(newest.minusSeconds(60L * i).atOffset(ZoneOffset.UTC)))
                    .append("</pubDate><description>").append(text).append("</description></item>");
        }
        return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private void row(String system, String measure, String result, String target) {
        rows.add("| " + system + " | " + measure + " | " + result + " | " + target + " |");
        say(system + ": " + measure + ": " + result);
    }

    private static void say(String message) {
        System.out.println("[bench] " + message);
    }
}

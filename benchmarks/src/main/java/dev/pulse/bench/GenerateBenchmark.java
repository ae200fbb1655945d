package dev.pulse.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
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
import dev.pulse.contracts.messages.ContentItem;
import dev.pulse.contracts.messages.ContentScraped;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.NewsletterGenerated;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.messages.SourceType;
import dev.pulse.contracts.messages.Tone;
import dev.pulse.contracts.messages.Trigger;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.generate.compose.ComposeSettings;
import dev.pulse.generate.compose.Composer;
import dev.pulse.generate.compose.Newsletter;
import dev.pulse.generate.render.NewsletterRenderer;
import dev.pulse.testsupport.EmbeddedPostgresDatabase;
import dev.pulse.testsupport.KraftBroker;

/**
 * action-generate's two figures: the deterministic newsletter from 200 items (compose and render, in
 * this JVM, latency per newsletter), and newsletters per second through the stage as its own process
 * (ContentScraped of 200 items in, NewsletterGenerated out, row stored) on a real broker and PostgreSQL.
 */
final class GenerateBenchmark {

    private static final int ITEMS = 200;
    private static final int NEWSLETTERS = Integer.getInteger("bench.newsletters", 2000);
    // On two shared cores the JIT is still compiling 40 s in (C2 competes with broker and database for
    // the cores); the figure is for a running service, past that
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 6000);
    private static final int TIMED = Integer.getInteger("bench.timed", 5000);
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private final MessageCodec codec = new MessageCodec();
    private final List<String> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "action-generate/target/action-generate-exec.jar").toAbsolutePath();
        GenerateBenchmark benchmark = new GenerateBenchmark();
        benchmark.inProcess();
        benchmark.throughTheStage(jar);
        System.out.println();
        System.out.println("| system | measure | result | target |");
        System.out.println("|---|---|---|---|");
        benchmark.rows.forEach(System.out::println);
        System.exit(0);
    }

    private void inProcess() {
        Composer composer = new Composer(new ComposeSettings(10, 3, Duration.ofHours(24), 280));
        NewsletterRenderer renderer = new NewsletterRenderer();
        List<List<ContentItem>> inputs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            inputs.add(items(i));
        }
        for (int i = 0; i < TIMED; i++) { // warm-up: the figure is for a running service
            renderer.render(composer.compose(inputs.get(i % inputs.size()), Set.of(), 10, Tone.PROFESSIONAL, NOW));
        }
        long[] nanos = new long[TIMED];
        int bytes = 0;
        for (int i = 0; i < TIMED; i++) {
            long start = System.nanoTime();
            Newsletter newsletter = composer.compose(inputs.get(i % inputs.size()), Set.of(), 10, Tone.PROFESSIONAL, NOW);
            NewsletterRenderer.Rendered rendered = renderer.render(newsletter);
            nanos[i] = System.nanoTime() - start;
            bytes = rendered.html().length();
        }
        Arrays.sort(nanos);
        row("Pulse", String.format("deterministic newsletter from %d items, compose + render (HTML ~%d KB and text), p50 / p99 / max of %,d",
                ITEMS, bytes / 1024, TIMED), String.format("%.2f / %.2f / %.2f ms", nanos[TIMED / 2] / 1e6,
                nanos[(int) (TIMED * 0.99)] / 1e6, nanos[TIMED - 1] / 1e6), "p99 ≤ 20 ms");
    }

    private void throughTheStage(Path jar) throws Exception {
        EmbeddedKafkaKraftBroker broker = KraftBroker.start();
        String bootstrap = KraftBroker.bootstrapServers(broker);
        DataSource db = EmbeddedPostgresDatabase.dataSource();
        ServiceProcess generate = ServiceProcess.of("action-generate", jar, Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "DB_URL", EmbeddedPostgresDatabase.jdbcUrl(),
                "DB_USER", EmbeddedPostgresDatabase.USER,
                "DB_PASSWORD", EmbeddedPostgresDatabase.PASSWORD,
                "MALLOC_ARENA_MAX", "2"), "384m");
        generate.start();
        say("action-generate up");
        List<byte[]> inputs = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        UUID owner = UUID.randomUUID();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement user = c.prepareStatement("INSERT INTO users (id, email) VALUES (?, ?)")) {
                user.setObject(1, owner);
                user.setString(2, "bench-" + owner + "@example.org");
                user.executeUpdate();
            }
            try (PreparedStatement workspace = c.prepareStatement("INSERT INTO workspaces (id, name, created_by) VALUES (?, 'bench', ?)")) {
                for (int i = 0; i < NEWSLETTERS + WARM_UP; i++) {
                    UUID id = UUID.randomUUID();
                    workspace.setObject(1, id);
                    workspace.setObject(2, owner);
                    workspace.addBatch();
                    ContentScraped input = new ContentScraped(Envelope.forExecution(UUID.randomUUID(), Trigger.SCHEDULE, null,
                            false, UUID.randomUUID(), id, Plan.of(Action.SCRAPE, Action.GENERATE, Action.SEND),
                            new JobConfig(10, 1, List.of(), Tone.PROFESSIONAL, false, List.of(), null), Instant.now()),
                            items(i), List.of());
                    inputs.add(codec.encode(input));
                    keys.add(input.envelope().executionId().toString());
                }
                workspace.executeBatch();
            }
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_000_000), new StringSerializer(), new ByteArraySerializer())) {
            // warm-up before the clock starts
            run(producer, bootstrap, inputs.subList(0, WARM_UP), keys.subList(0, WARM_UP));
            long cpuBefore = generate.cpuMillis();
            long millis = run(producer, bootstrap, inputs.subList(WARM_UP, inputs.size()), keys.subList(WARM_UP, keys.size()));
            long cpu = generate.cpuMillis() - cpuBefore;
            row("Pulse", String.format("%,d ContentScraped of %d items through the stage (NewsletterGenerated out, row stored)",
                    NEWSLETTERS, ITEMS), String.format("%.0f newsletters/s (%,d ms; action-generate CPU %,d ms)",
                    NEWSLETTERS * 1000.0 / millis, millis, cpu), "≥ 200/s");
        }
        generate.stop();
        broker.destroy();
    }

    private long run(KafkaProducer<String, byte[]> producer, String bootstrap, List<byte[]> inputs, List<String> keys)
            throws Exception {
        try (TopicCollector out = new TopicCollector(bootstrap, Topics.NEWSLETTER_GENERATED.name())) {
            long start = System.currentTimeMillis();
            for (int i = 0; i < inputs.size(); i++) {
                producer.send(new ProducerRecord<>(Topics.CONTENT_SCRAPED.name(), keys.get(i), inputs.get(i)));
            }
            producer.flush();
            Instant deadline = Instant.now().plusSeconds(300);
            while (out.count() < inputs.size() && Instant.now().isBefore(deadline)) {
                Thread.sleep(5);
            }
            long last = out.records().stream().mapToLong(TopicCollector.Raw::visibleMillis).max().orElse(start);
            Set<UUID> newsletters = new HashSet<>();
            out.records().forEach(r -> newsletters.add(codec.decode(r.value(), NewsletterGenerated.class).newsletterId()));
            if (newsletters.size() != inputs.size()) {
                throw new IllegalStateException(newsletters.size() + " newsletters for " + inputs.size() + " inputs");
            }
            return last - start;
        }
    }

    /** 200 items of a day: a third from Reddit with engagement, the rest from feeds, some duplicated. */
    static List<ContentItem> items(int seed) {
        List<ContentItem> items = new ArrayList<>(ITEMS);
        for (int i = 0; i < ITEMS; i++) {
            boolean reddit = i % 3 == 0;
            String source = reddit ? "r/programming" : "Feed " + (i % 7);
            int story = i % 180; // 20 items repeat a story from another feed
            items.add(new ContentItem(UUID.nameUUIDFromBytes((seed + "/" + i).getBytes()),
                    reddit ? SourceType.REDDIT : SourceType.RSS, "source:" + source, source,
                    "https://news.example/" + seed + "/" + story, "Story " + story + " of batch " + seed + " about a topic",
                    "A summary of the story. It has two sentences and some words in it to look like a summary of a real article.",
                    "author", NOW.minusSeconds(60L * i), null, reddit ? (i * 37) % 500 : 0, reddit ? (i * 11) % 90 : 0));
        }
        return items;
    }

    private void row(String system, String measure, String result, String target) {
        rows.add("| " + system + " | " + measure + " | " + result + " | " + target + " |");
        say(system + ": " + measure + ": " + result);
    }

    private static void say(String message) {
        System.out.println("[bench] " + message);
    }
}

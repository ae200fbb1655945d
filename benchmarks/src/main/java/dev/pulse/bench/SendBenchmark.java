package dev.pulse.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.NewsletterGenerated;
import dev.pulse.contracts.messages.NewsletterSent;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.messages.Trigger;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.testsupport.EmbeddedPostgresDatabase;
import dev.pulse.testsupport.KraftBroker;

/**
 * action-send's figures, in one run on one machine: the sink's own ceiling (a trivial raw-socket
 * client), Pulse sending a 20 KB newsletter to a list through the stage as its own process (ledger
 * included: every row claimed and marked), the original's way (one new connection per message,
 * sequentially, default sockets), and two instances on one list against a server with a delay per
 * message (where a second instance can add throughput on two cores).
 */
final class SendBenchmark {

    private static final int LIST = Integer.getInteger("bench.subscribers", 10_000);
    private static final int PEER = Integer.getInteger("bench.peerMessages", 300);
    private static final int SCALE_LIST = Integer.getInteger("bench.scaleSubscribers", 10_000);
    private static final int SCALE_DELAY_MS = Integer.getInteger("bench.scaleDelayMillis", 10);
    private static final String CONNECTIONS = System.getProperty("bench.connections", "4");
    private static final String SECRET = "bench-unsubscribe-secret-long-enough-for-hmac";

    private final MessageCodec codec = new MessageCodec();
    private final List<String> rows = new ArrayList<>();
    private JdbcClient db;
    private String bootstrap;
    private UUID owner;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "action-send/target/action-send-exec.jar").toAbsolutePath();
        new SendBenchmark().run(jar);
        System.exit(0);
    }

    private void run(Path jar) throws Exception {
        EmbeddedKafkaKraftBroker broker = KraftBroker.start();
        bootstrap = KraftBroker.bootstrapServers(broker);
        DataSource dataSource = EmbeddedPostgresDatabase.dataSource();
        db = JdbcClient.create(dataSource);
        owner = UUID.randomUUID();
        db.sql("INSERT INTO users (id, email) VALUES (?, ?)").params(owner, "bench-" + owner + "@example.org").update();
        String html = NewsletterBodies.html();
        String text = NewsletterBodies.text();
        try (BenchSmtpSink sink = new BenchSmtpSink()) {
            double ceiling = SmtpCeiling.measure(sink.port(), Integer.parseInt(CONNECTIONS), LIST, NewsletterBodies.rawMessage(html));
            row("trivial client (raw sockets, TCP_NODELAY, no MIME, no ledger)", String.format(
                    "the sink's ceiling: %,d messages of ~%d KB over %s connections", LIST, html.length() / 1024, CONNECTIONS),
                    String.format("%,.0f messages/s", ceiling), "the sink is not the bottleneck");

            ServiceProcess send = process(jar, sink, "send-1");
            send.start();
            say("action-send up");
            sendList("warm-up", 2_000, sink, html, text, send);
            double pulse = sendList("Pulse", LIST, sink, html, text, send);

            double peer = OneConnectionPerMessage.measure(sink.port(), PEER, "Pulse digest", html, text);
            row("the original's way (Spring JavaMailSender, one new connection per message, sequential, default sockets)",
                    String.format("%,d messages of the same newsletter", PEER), String.format("%,.1f messages/s", peer), "");
            row("Pulse / the original's way", "same run", String.format("%.0f×", pulse / peer), "≥ 20×");

            sink.delay(java.time.Duration.ofMillis(SCALE_DELAY_MS));
            double one = sendList("one instance", SCALE_LIST, sink, html, text, send);
            ServiceProcess second = process(jar, sink, "send-2");
            second.start();
            say("second action-send up");
            double two = sendList("two instances", SCALE_LIST, sink, html, text, send);
            row("two instances / one", String.format("a server taking %d ms per message", SCALE_DELAY_MS),
                    String.format("%.2f×", two / one), "adds up (→ 2×)");
            second.stop();
            send.stop();
        }
        broker.destroy();
        System.out.println();
        System.out.println("| system | measure | result | target |");
        System.out.println("|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private ServiceProcess process(Path jar, BenchSmtpSink sink, String name) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("DB_URL", EmbeddedPostgresDatabase.jdbcUrl());
        env.put("DB_USER", EmbeddedPostgresDatabase.USER);
        env.put("DB_PASSWORD", EmbeddedPostgresDatabase.PASSWORD);
        env.put("SMTP_HOST", "localhost");
        env.put("SMTP_PORT", Integer.toString(sink.port()));
        env.put("PULSE_UNSUBSCRIBE_SECRET", SECRET);
        env.put("PULSE_SEND_CONNECTIONS", CONNECTIONS);
        return ServiceProcess.of("action-send", jar, env, "384m");
    }

    /** One list through the stage: NewsletterGenerated in, NewsletterSent out; messages per second. */
    private double sendList(String label, int size, BenchSmtpSink sink, String html, String text, ServiceProcess send)
            throws Exception {
        UUID workspace = UUID.randomUUID();
        db.sql("INSERT INTO workspaces (id, name, created_by) VALUES (?, 'bench', ?)").params(workspace, owner).update();
        db.sql("INSERT INTO subscribers (id, workspace_id, email) SELECT md5(random()::text)::uuid, ?, 'reader-' || g || '@bench.example' "
                + "FROM generate_series(1, ?) g").params(workspace, size).update();
        UUID execution = UUID.randomUUID();
        UUID newsletter = UUID.randomUUID();
        UUID job = UUID.randomUUID();
        db.sql("""
                INSERT INTO newsletters (id, execution_id, job_id, workspace_id, subject, html_body, text_body, item_count)
                VALUES (?, ?, ?, ?, 'Pulse digest', ?, ?, 10)""").params(newsletter, execution, job, workspace, html, text).update();
        NewsletterGenerated input = new NewsletterGenerated(Envelope.forExecution(execution, Trigger.SCHEDULE, null, false, job,
                workspace, Plan.of(Action.SCRAPE, Action.GENERATE, Action.SEND), JobConfig.empty(), Instant.now()),
                newsletter, "Pulse digest", html, text, 10, List.of(), false, null);
        long sinkBefore = sink.messages();
        long cpuBefore = send.cpuMillis();
        try (TopicCollector out = new TopicCollector(bootstrap, Topics.NEWSLETTER_SENT.name());
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2_000_000),
                        new StringSerializer(), new ByteArraySerializer())) {
            long start = System.currentTimeMillis();
            producer.send(new ProducerRecord<>(Topics.NEWSLETTER_GENERATED.name(), execution.toString(), codec.encode(input))).get();
            NewsletterSent sent = null;
            Instant deadline = Instant.now().plusSeconds(600);
            while (sent == null && Instant.now().isBefore(deadline)) {
                Thread.sleep(5);
                for (TopicCollector.Raw raw : out.records()) {
                    NewsletterSent candidate = codec.decode(raw.value(), NewsletterSent.class);
                    if (candidate.envelope().executionId().equals(execution)) {
                        sent = candidate;
                        long millis = raw.visibleMillis() - start;
                        long delivered = sink.messages() - sinkBefore;
                        if (sent.sent() != size || delivered != size) {
                            throw new IllegalStateException(label + ": " + sent.sent() + " marked sent, " + delivered
                                    + " received, for a list of " + size);
                        }
                        double rate = size * 1000.0 / millis;
                        row("Pulse action-send" + (label.equals("Pulse") ? "" : " (" + label + ")"), String.format(
                                "%,d subscribers, ~%d KB newsletter, %s connections: NewsletterGenerated in → NewsletterSent out",
                                size, html.length() / 1024, CONNECTIONS), String.format("%,.0f messages/s (%,d ms; %,d received, none twice; CPU %,d ms)",
                                rate, millis, delivered, send.cpuMillis() - cpuBefore), label.equals("Pulse") ? "≥ 1,000/s" : "");
                        return rate;
                    }
                }
            }
            throw new IllegalStateException(label + ": no NewsletterSent within 10 minutes");
        }
    }

    private void row(String system, String measure, String result, String target) {
        rows.add("| " + system + " | " + measure + " | " + result + " | " + target + " |");
        say(system + ": " + measure + ": " + result);
    }

    private static void say(String message) {
        System.out.println("[bench] " + message);
    }
}

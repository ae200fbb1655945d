package dev.pulse.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.ContentItem;
import dev.pulse.contracts.messages.ContentScraped;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.FeedSource;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.NewsletterGenerated;
import dev.pulse.contracts.messages.NewsletterSent;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.messages.PulseMessage;
import dev.pulse.contracts.messages.SourceOutcome;
import dev.pulse.contracts.messages.SourceReport;
import dev.pulse.contracts.messages.SourceType;
import dev.pulse.contracts.messages.Trigger;
import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.contracts.topics.Topic;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.testsupport.EmbeddedPostgresDatabase;
import dev.pulse.testsupport.KraftBroker;
import dev.pulse.testsupport.ServiceTopicsCreated;

/**
 * The execution tracker's fold rate: scheduler-api as its own process on a real broker and PostgreSQL,
 * fed the four events of each of {@code bench.executions} runs (JobDue, ContentScraped of 20 items from
 * 3 sources, NewsletterGenerated with ~20 KB bodies, NewsletterSent: the shapes the stages write),
 * spread over 50 jobs, a job's runs a minute apart. Each round's events are written in one Kafka
 * transaction (see {@code bench.backlog}); timed from the first record written, and from the commit, until
 * the tracker's group has committed every record. Three warm-up rounds, then the timed ones.
 */
final class TrackerBenchmark {

    private static final int EXECUTIONS = Integer.getInteger("bench.executions", 5000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    /** Rounds before the timed ones: the service's JIT is still compiling through the first two on this box. */
    private static final int WARM_UPS = Integer.getInteger("bench.warmUps", 3);
    /**
     * Each round's events written in one Kafka transaction: the tracker (read_committed) sees them only
     * once all are on the topics, so the second figure is its fold rate over a backlog of recorded events,
     * with the producer no longer competing for the two cores. False: written while it folds.
     */
    private static final boolean BACKLOG = Boolean.parseBoolean(System.getProperty("bench.backlog", "true"));
    private static final int JOBS = 50;
    private static final String SECRET = "bench-secret-0123456789-0123456789-abcdef";

    private final MessageCodec codec = new MessageCodec();
    private final List<UUID> jobs = new ArrayList<>();
    private UUID workspace;
    private JdbcClient db;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "scheduler-api/target/scheduler-api-exec.jar").toAbsolutePath();
        try {
            new TrackerBenchmark().run(jar);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the embedded broker's threads would keep the JVM alive
        }
        System.exit(0);
    }

    private void run(Path jar) throws Exception {
        EmbeddedKafkaKraftBroker broker = KraftBroker.start();
        String bootstrap = KraftBroker.bootstrapServers(broker);
        DataSource dataSource = EmbeddedPostgresDatabase.dataSource();
        db = JdbcClient.create(dataSource);
        seed();
        ServiceTopicsCreated.createFor(ServiceTopics.SCHEDULER_API);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("DB_URL", EmbeddedPostgresDatabase.jdbcUrl());
        env.put("DB_USER", EmbeddedPostgresDatabase.USER);
        env.put("DB_PASSWORD", EmbeddedPostgresDatabase.PASSWORD);
        env.put("PULSE_JWT_SECRET", SECRET);
        env.put("PULSE_UNSUBSCRIBE_SECRET", SECRET);
        env.put("PULSE_TRACKER_MAX_BATCH", System.getProperty("bench.maxBatch", "500"));
        env.put("PULSE_TRACKER_CONCURRENCY", System.getProperty("bench.concurrency", "2"));
        ServiceProcess api = ServiceProcess.of("scheduler-api", jar, env, "512m");
        api.start();
        List<Double> rates = new ArrayList<>();
        List<Double> foldRates = new ArrayList<>();
        Map<String, Object> producing = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024));
        if (BACKLOG) {
            producing.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tracker-benchmark");
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producing, new StringSerializer(), new ByteArraySerializer())) {
            if (BACKLOG) {
                producer.initTransactions();
            }
            for (int round = 1 - WARM_UPS; round <= ROUNDS; round++) {
                List<ProducerRecord<String, byte[]>> records = recorded(EXECUTIONS);
                long before = completed();
                long cpuBefore = api.cpuMillis();
                Map<Long, Long> postgresBefore = ServiceProcess.postgresCpu();
                Instant start = Instant.now();
                if (BACKLOG) {
                    producer.beginTransaction();
                }
                records.forEach(producer::send);
                if (BACKLOG) {
                    producer.commitTransaction();
                } else {
                    producer.flush();
                }
                Instant written = Instant.now();
                long behind = BACKLOG ? records.size() : lag(admin);
                Instant done = awaitFolded(admin, Duration.ofMinutes(5));
                if (completed() != before + EXECUTIONS) {
                    throw new IllegalStateException("Folded, but " + (completed() - before) + " of " + EXECUTIONS + " runs completed");
                }
                double overall = records.size() / seconds(start, done);
                double folding = (BACKLOG ? records.size() : behind) / seconds(written, done);
                System.out.printf("%s: %,d events (%,d runs) written and folded in %,d ms: %,.0f events/s; writing took %,d ms, "
                        + "the %,d events still unfolded then took %,d ms: %,.0f events/s; CPU: scheduler-api %,d ms, PostgreSQL %,d ms%n",
                        round <= 0 ? "warm-up" : "round " + round, records.size(), EXECUTIONS, Duration.between(start, done).toMillis(),
                        overall, Duration.between(start, written).toMillis(), behind, Duration.between(written, done).toMillis(), folding,
                        api.cpuMillis() - cpuBefore, ServiceProcess.postgresCpuSince(postgresBefore));
                if (round > 0) {
                    rates.add(overall);
                    foldRates.add(folding);
                }
            }
        } finally {
            api.stop();
        }
        System.out.println(db.sql("""
                select 'stored bytes per execution: row ' || round(avg(pg_column_size(e.*))) || ', fold_state ' || round(avg(pg_column_size(fold_state)))
                    || ', results ' || round(avg(pg_column_size(scrape_result) + pg_column_size(generate_result) + pg_column_size(send_result)))
                    || ', log ' || round(avg(pg_column_size(execution_log))) from scheduler_executions e""").query(String.class).single());
        System.out.println(db.sql("""
                select string_agg(relname || ': ' || n_tup_upd || ' updates, ' || n_tup_hot_upd || ' in place (heap-only), '
                    || n_tup_ins || ' inserts', '; ') from pg_stat_user_tables
                where relname in ('scheduler_executions', 'scheduler_jobs')""").query(String.class).single());
        System.out.println();
        System.out.println("| system | measure | result | target |");
        System.out.println("|---|---|---|---|");
        System.out.printf("| Pulse execution tracker | %,d runs × 4 events over %d jobs, from the first written to the last folded "
                + "(%s) | median %,.0f events/s | ≥ 5,000 events/s |%n", EXECUTIONS, JOBS, joined(rates), median(rates));
        System.out.printf("| Pulse execution tracker | the same, %s to the last folded (%s) | median %,.0f events/s | ≥ 5,000 events/s |%n",
                BACKLOG ? "a backlog: from the commit of the round's transaction" : "written while it folds: from the last written",
                joined(foldRates), median(foldRates));
        broker.destroy();
    }

    /**
     * Records on the tracker's topics not yet committed by its group. A transaction's commit marker
     * takes the last offset of each partition it wrote and is never committed by a consumer, so with
     * a backlog one offset per partition is not a record.
     */
    private static long lag(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(ServiceTopics.SCHEDULER_API.consumerGroup())
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (Topic topic : ServiceTopics.SCHEDULER_API.consumes()) {
            for (int p = 0; p < topic.partitions(); p++) {
                latest.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
            }
        }
        long lag = 0;
        for (var end : admin.listOffsets(latest).all().get().entrySet()) {
            OffsetAndMetadata commit = committed.get(end.getKey());
            lag += Math.max(0, end.getValue().offset() - (commit == null ? 0 : commit.offset()) - (BACKLOG ? 1 : 0));
        }
        return lag;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static String joined(List<Double> values) {
        return String.join(" / ", values.stream().map(r -> String.format("%,.0f", r)).toList());
    }

    private void seed() {
        for (String experiment : System.getProperty("bench.sql", "").split(";")) {
            if (!experiment.isBlank()) {
                db.sql(experiment).update();
            }
        }
        UUID owner = UUID.randomUUID();
        workspace = UUID.randomUUID();
        db.sql("insert into users (id, email) values (?, ?)").params(owner, "bench@example.org").update();
        db.sql("insert into workspaces (id, name, created_by) values (?, 'bench', ?)").params(workspace, owner).update();
        for (int i = 0; i < JOBS; i++) {
            UUID job = UUID.randomUUID();
            db.sql("""
                    insert into scheduler_jobs (id, workspace_id, name, schedule_type, schedule_time, actions)
                    values (?, ?, ?, 'daily', '08:00', '{scrape,generate,send}')""").params(job, workspace, "job " + i).update();
            jobs.add(job);
        }
    }

    /** Each run's four events, runs interleaved as many due in one minute would be. */
    private List<ProducerRecord<String, byte[]>> recorded(int executions) {
        JobConfig config = new JobConfig(10, 1, List.of(new FeedSource(SourceType.RSS, "https://a.example/feed", null, null, null)),
                null, false, List.of(), null);
        String html = NewsletterBodies.html();
        String text = NewsletterBodies.text();
        List<List<ProducerRecord<String, byte[]>>> runs = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < executions; i++) {
            // a job runs once per scheduled instant (the ticker's guarantee): its runs here are a minute apart
            Instant scheduled = now.minus(Duration.ofMinutes(i / JOBS));
            UUID execution = UUID.randomUUID();
            UUID job = jobs.get(i % JOBS);
            Envelope envelope = Envelope.forExecution(execution, Trigger.SCHEDULE, null, false, job, workspace, Plan.of(
                    dev.pulse.contracts.messages.Action.SCRAPE, dev.pulse.contracts.messages.Action.GENERATE,
                    dev.pulse.contracts.messages.Action.SEND), config, now);
            List<ContentItem> items = new ArrayList<>();
            for (int n = 0; n < 20; n++) {
                items.add(new ContentItem(UUID.randomUUID(), SourceType.RSS, "https://a.example/feed", "A feed", "https://a.example/" + n,
                        "Story " + n, "A summary of story " + n + " that runs to a couple of sentences, as feeds' summaries do.",
                        "someone", now.minusSeconds(n * 600L), null, 0, 0));
            }
            List<SourceReport> sources = List.of(new SourceReport("https://a.example/feed", SourceType.RSS, SourceOutcome.FETCHED, null, 20, 3, 10),
                    new SourceReport("https://b.example/feed", SourceType.RSS, SourceOutcome.REUSED, null, 20, 0, 6),
                    new SourceReport("https://c.example/feed", SourceType.RSS, SourceOutcome.NOT_MODIFIED, null, 20, 0, 4));
            UUID newsletter = UUID.randomUUID();
            List<PulseMessage> messages = List.of(
                    new JobDue(envelope, scheduled, now.plus(Duration.ofDays(1))),
                    new ContentScraped(envelope.next(now.plusMillis(800)), items, sources),
                    new NewsletterGenerated(envelope.next(now.plusMillis(900)), newsletter, "Your digest", html, text, 10,
                            items.stream().map(ContentItem::id).limit(10).toList(), false, null),
                    new NewsletterSent(envelope.next(now.plusMillis(1500)), newsletter, 100, 100, 0, 0, 0, 0, 0, 600));
            List<ProducerRecord<String, byte[]>> run = new ArrayList<>();
            for (PulseMessage message : messages) {
                String topic = Topics.all().stream().filter(t -> t.messageType() != null && t.messageType().isInstance(message))
                        .findFirst().orElseThrow().name();
                run.add(new ProducerRecord<>(topic, execution.toString(), codec.encode(message)));
            }
            runs.add(run);
        }
        List<ProducerRecord<String, byte[]>> interleaved = new ArrayList<>();
        for (int step = 0; step < 4; step++) {
            for (List<ProducerRecord<String, byte[]>> run : runs) {
                interleaved.add(run.get(step));
            }
        }
        return interleaved;
    }

    private long completed() {
        return db.sql("select count(*) from scheduler_executions where status = 'completed'").query(Long.class).single();
    }

    /** Waits until the tracker's group has committed every record (it commits after each fold's transaction). */
    private static Instant awaitFolded(Admin admin, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (lag(admin) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Still " + lag(admin) + " events unfolded after " + timeout);
            }
            Thread.sleep(20);
        }
        return Instant.now();
    }
}

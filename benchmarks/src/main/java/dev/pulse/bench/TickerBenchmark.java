package dev.pulse.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.pulse.testsupport.KraftBroker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The ticker against its targets and against db-scheduler, in one run on one machine:
 * 100,000 jobs due in one second; 10,000 spread over a minute; 1,000,000 held (resident memory); firing
 * again after kill -9; then db-scheduler on the same PostgreSQL with the same burst and spread.
 * Usage: {@code bench/ticker-benchmark.sh} (prints a table for docs/benchmarks.md).
 */
public final class TickerBenchmark {

    private static final int BURST = Integer.getInteger("bench.burst", 100_000);
    private static final int SPREAD = Integer.getInteger("bench.spread", 10_000);
    private static final int HELD = Integer.getInteger("bench.held", 1_000_000);
    private static final int WARM_UP = Integer.getInteger("bench.warmUp", 10_000);
    /** Which parts to run: any of burst, spread, held (with kill -9), peer. */
    private static final List<String> PHASES = List.of(System.getProperty("bench.phases", "burst,spread,held,peer").split(","));

    private final List<String> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Path tickerJar = Path.of(args.length > 0 ? args[0] : "ticker/target/ticker-exec.jar").toAbsolutePath();
        TickerBenchmark benchmark = new TickerBenchmark();
        benchmark.run(tickerJar);
        System.out.println();
        System.out.println("| system | measure | result | target |");
        System.out.println("|---|---|---|---|");
        benchmark.rows.forEach(System.out::println);
        System.exit(0);
    }

    private void run(Path tickerJar) throws Exception {
        EmbeddedKafkaKraftBroker broker = KraftBroker.start();
        String bootstrap = KraftBroker.bootstrapServers(broker);
        JobPublisher jobs = new JobPublisher(bootstrap);

        ServiceProcess ticker = ServiceProcess.ticker(tickerJar, bootstrap, "160m");
        ticker.start();
        say("ticker up");

        // Both systems get the same warm-up burst first: the figures are for running systems, not JIT
        // (-Dbench.warmUp=0 measures a cold start).
        if (WARM_UP > 0) {
            burst(ticker, jobs, bootstrap, WARM_UP);
        }
        if (Boolean.getBoolean("bench.restartTicker")) {
            // a ticker that just started (cold JIT) against a broker that has been working
            ticker.stop();
            ticker.start();
            say("ticker restarted");
        }
        double pulseRate = 0;
        if (PHASES.contains("burst")) {
            long[] burst = burst(ticker, jobs, bootstrap, BURST);
            pulseRate = burst[0] * 1000.0 / Math.max(1, burst[1]);
            row("Pulse", "100k due in one second: all JobDue visible after", burst[1] + " ms", "≤ 5000 ms");
            row("Pulse", "burst throughput", String.format("%.0f fires/s (%d of %d)", pulseRate, burst[0], BURST), "");
            row("Pulse", "burst CPU per fire: ticker / broker and collector", String.format("%.0f / %.0f µs",
                    burst[2] * 1000.0 / BURST, burst[3] * 1000.0 / BURST), "");
        }
        Lags pulseSpread = null;
        Lags pulsePublished = null;
        if (PHASES.contains("spread")) {
            Lags[] spread = spread(jobs, bootstrap);
            pulseSpread = spread[0];
            pulsePublished = spread[1];
            row("Pulse", "10k over a minute: lag until visible to a read_committed consumer, p50 / p99 / max (" + pulseSpread.count() + " seen)",
                    pulseSpread.percentile(50) + " / " + pulseSpread.percentile(99) + " / " + pulseSpread.max() + " ms", "p50 ≤ 20, p99 ≤ 100 ms");
            row("Pulse", "10k over a minute: fire lag (publish − instant), p50 / p99 / max",
                    pulsePublished.percentile(50) + " / " + pulsePublished.percentile(99) + " / " + pulsePublished.max() + " ms", "");
        }
        if (PHASES.contains("held")) {
            held(ticker, jobs);
            killAndResume(ticker, jobs, bootstrap);
        }
        ticker.stop();
        if (!PHASES.contains("peer")) {
            broker.destroy();
            return;
        }

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            HikariConfig pool = new HikariConfig();
            pool.setDataSource(postgres.getPostgresDatabase());
            pool.setMaximumPoolSize(DbSchedulerRun.THREADS + 5);
            try (HikariDataSource db = new HikariDataSource(pool)) {
                // db-scheduler polls: at its default interval (10 s), and tuned to 100 ms in its favour
                for (Duration polling : List.of(Duration.ofMillis(100), DbSchedulerRun.DEFAULT_POLLING_INTERVAL)) {
                    String peer = "db-scheduler, " + polling.toMillis() + " ms polling";
                    double[] figures = peer(db, bootstrap, polling, peer);
                    if (pulseRate > 0) {
                        row("ratio", "Pulse / " + peer + ": burst throughput", String.format("%.1f×", pulseRate / figures[0]), "≥ 2×");
                    }
                    if (pulseSpread != null) {
                        row("ratio", "Pulse / " + peer + ": p99 lag, Pulse until visible", String.format("%.3f", pulseSpread.percentile(99) / figures[1]), "≤ 0.1");
                        row("ratio", "Pulse / " + peer + ": p99 lag, Pulse at publish", String.format("%.3f", pulsePublished.percentile(99) / figures[1]), "≤ 0.1");
                    }
                }
            }
        }
        broker.destroy();
    }

    /**
     * {@code count} jobs all due in the same second; returns how many fired at it, when the last became
     * visible (ms after the second), and the CPU milliseconds the ticker and this JVM (broker, collector)
     * used meanwhile.
     */
    private static long[] burst(ServiceProcess ticker, JobPublisher jobs, String bootstrap, int count) throws Exception {
        Instant at = Instant.now().plusSeconds(20 + count / 2_500).truncatedTo(ChronoUnit.SECONDS);
        try (TopicCollector due = TopicCollector.onJobDue(bootstrap)) {
            long heldBefore = (long) ticker.metric("pulse.ticker.jobs.held");
            jobs.publish(count, i -> at);
            awaitHeld(ticker, heldBefore + count);
            say(String.format("%,d jobs held; they fall due at %s", count, at));
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), at).toMillis() - 500));
            long tickerBefore = ticker.cpuMillis();
            long selfBefore = ServiceProcess.cpuMillis(ProcessHandle.current().pid());
            long[] result = awaitBurst(due, count, at, Duration.ofSeconds(60));
            return new long[] {result[0], result[1] - at.toEpochMilli(), ticker.cpuMillis() - tickerBefore,
                    ServiceProcess.cpuMillis(ProcessHandle.current().pid()) - selfBefore};
        }
    }

    /**
     * 10k jobs, one every 6 ms over a minute: the lag of each from its instant until a read_committed
     * consumer sees it, and until the ticker published it (the JobDue's occurred_at).
     */
    private static Lags[] spread(JobPublisher jobs, String bootstrap) throws Exception {
        Instant from = Instant.now().plusSeconds(45).truncatedTo(ChronoUnit.SECONDS);
        try (TopicCollector due = TopicCollector.onJobDue(bootstrap)) {
            long stepMicros = 60_000_000L / SPREAD;
            jobs.publish(SPREAD, i -> from.plus(i * stepMicros, ChronoUnit.MICROS).truncatedTo(ChronoUnit.MILLIS));
            Thread.sleep(Duration.between(Instant.now(), from.plusSeconds(65)).toMillis());
            List<TopicCollector.Seen> seen = due.seen().stream().filter(s -> s.scheduledMillis() >= from.toEpochMilli()).toList();
            String dump = System.getProperty("bench.lagFile");
            if (dump != null) {
                java.nio.file.Files.write(Path.of(dump), seen.stream().map(s -> s.scheduledMillis() + " " + s.firedMillis() + " " + s.visibleMillis()).toList());
            }
            return new Lags[] {lags(seen), new Lags(seen.stream().mapToLong(s -> s.firedMillis() - s.scheduledMillis()).toArray())};
        }
    }

    /** Fills the ticker up to a million jobs (due a day later) and reads its resident memory. */
    private void held(ServiceProcess ticker, JobPublisher jobs) throws Exception {
        long already = (long) ticker.metric("pulse.ticker.jobs.held");
        jobs.publish((int) (HELD - already), i -> Instant.now().plus(Duration.ofDays(1)).plusMillis(i));
        awaitHeld(ticker, HELD);
        System.gc();
        Thread.sleep(5_000);
        row("Pulse", String.format("%,d jobs held: resident memory", (long) ticker.metric("pulse.ticker.jobs.held")),
                ticker.residentMegabytes() + " MB", "≤ 500 MB");
    }

    /** kill -9 with a million jobs held: how long until a JobDue is visible again. */
    private void killAndResume(ServiceProcess ticker, JobPublisher jobs, String bootstrap) throws Exception {
        Instant canaryFrom = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        jobs.publish(120, i -> canaryFrom.plusMillis(500L * i));
        Thread.sleep(Duration.between(Instant.now(), canaryFrom.plusSeconds(5)).toMillis());
        long resumeMs;
        try (TopicCollector due = TopicCollector.onJobDue(bootstrap)) {
            ticker.kill();
            long killedAt = System.currentTimeMillis();
            ticker.start();
            Instant deadline = Instant.now().plusSeconds(120);
            while (due.count() == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            resumeMs = due.count() == 0 ? -1 : due.seen().get(0).visibleMillis() - killedAt;
        }
        row("Pulse", "kill -9, restart: first JobDue visible after", resumeMs + " ms", "≤ 30000 ms");
    }

    /** The peer's burst and spread; returns its burst throughput (fires/s) and spread p99 lag (ms). */
    private double[] peer(HikariDataSource db, String bootstrap, Duration polling, String name) throws Exception {
        try (DbSchedulerRun peer = new DbSchedulerRun(db, bootstrap, polling)) {
            if (WARM_UP > 0) {
                peerBurst(peer, WARM_UP);
            }
            long[] burst = peerBurst(peer, BURST);
            // from its first execution to its last, so that waiting for its next poll does not count
            double rate = burst[0] * 1000.0 / Math.max(1, burst[2]);
            row(name, "100k due in one second: all executed after", burst[1] + " ms", "");
            row(name, "burst throughput (first to last execution)", String.format("%.0f fires/s (%d of %d)", rate, burst[0], BURST), "");

            Instant from = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
            peer.schedule(SPREAD, from, Duration.ofMillis(60_000 / SPREAD));
            long[][] spread = peer.await(SPREAD, Duration.ofMinutes(3));
            long[] lagMillis = new long[spread.length];
            for (int i = 0; i < spread.length; i++) {
                lagMillis[i] = spread[i][1] - spread[i][0];
            }
            Lags lags = new Lags(lagMillis);
            row(name, "10k over a minute: lag at handler start (it publishes next), p50 / p99 / max (" + lags.count() + " run)",
                    lags.percentile(50) + " / " + lags.percentile(99) + " / " + lags.max() + " ms", "");
            return new double[] {rate, Math.max(1, lags.percentile(99))};
        }
    }

    /** {@code count} db-scheduler executions due in one second: how many ran, when the last started, first to last. */
    private static long[] peerBurst(DbSchedulerRun peer, int count) throws Exception {
        Instant at = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        peer.schedule(count, at, Duration.ZERO);
        long[][] done = peer.await(count, Duration.ofMinutes(5));
        long first = Long.MAX_VALUE;
        long last = 0;
        for (long[] execution : done) {
            first = Math.min(first, execution[1]);
            last = Math.max(last, execution[1]);
        }
        return new long[] {done.length, last - at.toEpochMilli(), last - first};
    }

    /** Only the burst's jobs are due in this window, so counting needs no decoding; checked after. */
    private static long[] awaitBurst(TopicCollector due, int expected, Instant at, Duration timeout) throws InterruptedException {
        Instant deadline = at.plus(timeout);
        while (due.count() < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        long last = due.lastVisibleMillis();
        long atTheInstant = due.seen().stream().filter(s -> s.scheduledMillis() == at.toEpochMilli()).count();
        return new long[] {atTheInstant, last};
    }

    private static void awaitHeld(ServiceProcess ticker, long jobs) throws Exception {
        Instant deadline = Instant.now().plusSeconds(600);
        while (ticker.metric("pulse.ticker.jobs.held") < jobs && Instant.now().isBefore(deadline)) {
            Thread.sleep(1_000);
        }
        say(String.format("ticker holds %,.0f jobs", ticker.metric("pulse.ticker.jobs.held")));
    }

    private static Lags lags(List<TopicCollector.Seen> seen) {
        return new Lags(seen.stream().mapToLong(s -> s.visibleMillis() - s.scheduledMillis()).toArray());
    }

    private void row(String system, String measure, String result, String target) {
        String row = "| " + system + " | " + measure + " | " + result + " | " + target + " |";
        rows.add(row);
        System.out.println(row);
    }

    private static void say(String message) {
        System.out.println("[bench] " + Instant.now() + " " + message);
    }
}

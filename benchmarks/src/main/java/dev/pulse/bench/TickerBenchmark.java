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

    private final List<String> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Path tickerJar = Path.of(args.length > 0 ? args[0] : "ticker/target/ticker-exec.jar").toAbsolutePath();
        new TickerBenchmark().run(tickerJar);
        System.exit(0);
    }

    private void run(Path tickerJar) throws Exception {
        EmbeddedKafkaKraftBroker broker = KraftBroker.start();
        String bootstrap = KraftBroker.bootstrapServers(broker);
        JobPublisher jobs = new JobPublisher(bootstrap);

        TickerProcess ticker = new TickerProcess(tickerJar, bootstrap, "160m");
        ticker.start();
        say("ticker up");

        // 1. burst: every job due in the same second
        Instant burstAt = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        long[] burst;
        try (DueCollector due = DueCollector.onJobDue(bootstrap)) {
            jobs.publish(BURST, i -> burstAt);
            awaitHeld(ticker, BURST);
            say("burst jobs held; waiting for " + burstAt);
            burst = awaitBurst(due, BURST, burstAt, Duration.ofSeconds(60));
        }
        long pulseBurstMs = burst[1] - burstAt.toEpochMilli();
        row("Pulse", "100k due in one second: all JobDue visible after", pulseBurstMs + " ms", "≤ 5000 ms");
        double pulseRate = burst[0] * 1000.0 / Math.max(1, pulseBurstMs);
        row("Pulse", "burst throughput", String.format("%.0f fires/s (%d of %d)", pulseRate, burst[0], BURST), "");

        if (Boolean.getBoolean("bench.burstOnly")) {
            ticker.stop();
            broker.destroy();
            rows.forEach(System.out::println);
            return;
        }

        // 2. spread: 10k over a minute
        Instant spreadFrom = Instant.now().plusSeconds(45).truncatedTo(ChronoUnit.SECONDS);
        Lags pulseSpread;
        try (DueCollector due = DueCollector.onJobDue(bootstrap)) {
            long stepMicros = 60_000_000L / SPREAD;
            jobs.publish(SPREAD, i -> spreadFrom.plus(i * stepMicros, ChronoUnit.MICROS).truncatedTo(ChronoUnit.MILLIS));
            Thread.sleep(Duration.between(Instant.now(), spreadFrom.plusSeconds(65)).toMillis());
            pulseSpread = lags(due.seen().stream().filter(s -> s.scheduledMillis() >= spreadFrom.toEpochMilli()).toList());
        }
        row("Pulse", "10k over a minute: fire lag p50 / p99 / max (" + pulseSpread.count() + " seen)",
                pulseSpread.percentile(50) + " / " + pulseSpread.percentile(99) + " / " + pulseSpread.max() + " ms", "p50 ≤ 20, p99 ≤ 100 ms");

        // 3. a million jobs held
        jobs.publish(HELD - BURST - SPREAD, i -> Instant.now().plus(Duration.ofDays(1)).plusMillis(i));
        awaitHeld(ticker, HELD);
        System.gc();
        Thread.sleep(5_000);
        row("Pulse", String.format("%,d jobs held: resident memory", (long) ticker.metric("pulse.ticker.jobs.held")),
                ticker.residentMegabytes() + " MB", "≤ 500 MB");

        // 4. kill -9 with a million jobs held: how long until firing resumes
        Instant canaryFrom = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        jobs.publish(120, i -> canaryFrom.plusMillis(500L * i));
        Thread.sleep(Duration.between(Instant.now(), canaryFrom.plusSeconds(5)).toMillis());
        long resumeMs;
        try (DueCollector due = DueCollector.onJobDue(bootstrap)) {
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
        ticker.stop();

        // 5. the peer, same machine, same PostgreSQL, same jobs
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            HikariConfig pool = new HikariConfig();
            pool.setDataSource(postgres.getPostgresDatabase());
            pool.setMaximumPoolSize(DbSchedulerRun.THREADS + 5);
            try (HikariDataSource db = new HikariDataSource(pool); DbSchedulerRun peer = new DbSchedulerRun(db, bootstrap)) {
                Instant peerBurstAt = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
                peer.schedule(BURST, peerBurstAt, Duration.ZERO);
                long[][] done = peer.await(BURST, Duration.ofMinutes(5));
                long last = 0;
                for (long[] execution : done) {
                    last = Math.max(last, execution[1]);
                }
                long peerBurstMs = last - peerBurstAt.toEpochMilli();
                double peerRate = done.length * 1000.0 / Math.max(1, peerBurstMs);
                row("db-scheduler", "100k due in one second: all executed after", peerBurstMs + " ms", "");
                row("db-scheduler", "burst throughput", String.format("%.0f fires/s (%d of %d)", peerRate, done.length, BURST), "");

                Instant peerSpreadFrom = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
                peer.schedule(SPREAD, peerSpreadFrom, Duration.ofMillis(60_000 / SPREAD));
                long[][] spread = peer.await(SPREAD, Duration.ofMinutes(3));
                long[] lagMillis = new long[spread.length];
                for (int i = 0; i < spread.length; i++) {
                    lagMillis[i] = spread[i][1] - spread[i][0];
                }
                Lags peerSpread = new Lags(lagMillis);
                row("db-scheduler", "10k over a minute: lag p50 / p99 / max (" + peerSpread.count() + " run)",
                        peerSpread.percentile(50) + " / " + peerSpread.percentile(99) + " / " + peerSpread.max() + " ms", "");
                row("ratio", "Pulse / db-scheduler burst throughput", String.format("%.1f×", pulseRate / peerRate), "≥ 2×");
                row("ratio", "Pulse / db-scheduler p99 lag", String.format("%.3f", (double) pulseSpread.percentile(99)
                        / Math.max(1, peerSpread.percentile(99))), "≤ 0.1");
            }
        }
        broker.destroy();

        System.out.println();
        System.out.println("| system | measure | result | target |");
        System.out.println("|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** Only the burst's jobs are due in this window, so counting needs no decoding; checked after. */
    private static long[] awaitBurst(DueCollector due, int expected, Instant at, Duration timeout) throws InterruptedException {
        Instant deadline = at.plus(timeout);
        while (due.count() < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        long last = due.lastVisibleMillis();
        long atTheInstant = due.seen().stream().filter(s -> s.scheduledMillis() == at.toEpochMilli()).count();
        return new long[] {atTheInstant, last};
    }

    private static void awaitHeld(TickerProcess ticker, int jobs) throws Exception {
        Instant deadline = Instant.now().plusSeconds(600);
        while (ticker.metric("pulse.ticker.jobs.held") < jobs && Instant.now().isBefore(deadline)) {
            Thread.sleep(1_000);
        }
        say(String.format("ticker holds %,.0f jobs", ticker.metric("pulse.ticker.jobs.held")));
    }

    private static Lags lags(List<DueCollector.Seen> seen) {
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

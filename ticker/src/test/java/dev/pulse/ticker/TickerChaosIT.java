package dev.pulse.ticker;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.JobChanged;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.JobSnapshot;
import dev.pulse.contracts.messages.JobStatus;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.messages.RunMissed;
import dev.pulse.contracts.messages.Schedule;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.testsupport.EmbeddedKafka;
import dev.pulse.testsupport.TopicReader;

/**
 * Chaos: jobs fire every second (60 jobs, each every minute, staggered), while ticker processes are
 * killed with SIGKILL at random moments and restarted, up to three instances join and leave, and the
 * broker is restarted. Then
 * every JobDue and RunMissed on the topics is counted per (job, instant): each expected instant must be
 * there exactly once, as a run or as a reported miss, never both, never twice.
 * Run with {@code bench/ticker-chaos.sh} (CHAOS_MINUTES, default 4).
 */
class TickerChaosIT {

    private static final int JOBS = 60;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final MessageCodec codec = new MessageCodec();
    private final Random random = new Random(Long.getLong("chaos.seed", System.nanoTime()));
    private final Path jar = Path.of("target", "ticker-exec.jar").toAbsolutePath();
    private final List<Ticker> running = new ArrayList<>();
    private int kills;
    private int instancesStarted;
    private int brokerRestarts;
    private int rounds;
    private int mostRunning = 1;

    @Test
    void everyInstantExactlyOnceThroughKillsAndRebalances() throws Exception {
        Duration length = Duration.ofMinutes(Long.getLong("chaos.minutes", 4));
        running.add(startTicker());
        awaitHealthy(running.get(0)); // it creates the topics
        Instant start = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Instant> anchors = publishJobs(start);

        Instant end = start.plus(length);
        while (Instant.now().isBefore(end.minusSeconds(20))) {
            Thread.sleep(5_000 + random.nextInt(15_000));
            chaos();
        }
        if (running.isEmpty()) {
            running.add(startTicker());
        }
        Thread.sleep(Duration.between(Instant.now(), end).toMillis() + 45_000);
        running.forEach(Ticker::stop);

        verify(anchors, start, end);
    }

    private void chaos() throws Exception {
        // every kind of trouble happens in the first rounds, then they come at random
        Trouble[] firstRounds = {Trouble.START, Trouble.START, Trouble.KILL, Trouble.RESTART_BROKER, Trouble.STOP};
        Trouble trouble = rounds < firstRounds.length ? firstRounds[rounds] : Trouble.values()[random.nextInt(Trouble.values().length)];
        rounds++;
        switch (trouble) {
            case KILL -> kill();
            case START -> {
                if (running.size() < 3) {
                    start();
                } else {
                    kill();
                }
            }
            case STOP -> {
                if (running.size() > 1) {
                    Ticker leaving = running.remove(0);
                    leaving.stop();
                    System.out.printf("[chaos] %s stopped ticker on port %d (%d running)%n", Instant.now(), leaving.port, running.size());
                } else {
                    kill();
                }
            }
            case RESTART_BROKER -> {
                Instant stopped = Instant.now();
                EmbeddedKafka.restartBroker();
                brokerRestarts++;
                System.out.printf("[chaos] %s broker restarted (down at %s)%n", Instant.now(), stopped);
            }
        }
        if (running.isEmpty()) {
            Thread.sleep(random.nextInt(5_000));
            start();
        }
    }

    private enum Trouble { KILL, START, STOP, RESTART_BROKER }

    private void kill() {
        Ticker victim = running.remove(random.nextInt(running.size()));
        victim.kill();
        kills++;
        System.out.printf("[chaos] %s kill -9 ticker on port %d (%d running)%n", Instant.now(), victim.port, running.size());
    }

    private void start() throws IOException {
        running.add(startTicker());
        mostRunning = Math.max(mostRunning, running.size());
        System.out.printf("[chaos] %s started ticker (%d running)%n", Instant.now(), running.size());
    }

    private void verify(Map<String, Instant> anchors, Instant start, Instant end) {
        Map<String, Integer> runs = new HashMap<>();
        Map<String, Integer> misses = new HashMap<>();
        Duration worstLag = Duration.ZERO;
        for (ConsumerRecord<String, byte[]> record : TopicReader.read(Topics.JOB_DUE.name(), r -> true, Integer.MAX_VALUE, Duration.ofSeconds(10))) {
            JobDue due = codec.decode(record.value(), JobDue.class);
            if (anchors.containsKey(due.envelope().jobId().toString())) {
                runs.merge(due.envelope().jobId() + "@" + due.scheduledFor(), 1, Integer::sum);
                Duration lag = Duration.between(due.scheduledFor(), Instant.ofEpochMilli(record.timestamp()));
                worstLag = lag.compareTo(worstLag) > 0 ? lag : worstLag;
            }
        }
        for (ConsumerRecord<String, byte[]> record : TopicReader.read(Topics.RUNS_MISSED.name(), r -> true, Integer.MAX_VALUE, Duration.ofSeconds(5))) {
            RunMissed miss = codec.decode(record.value(), RunMissed.class);
            if (anchors.containsKey(miss.envelope().jobId().toString())) {
                misses.merge(miss.envelope().jobId() + "@" + miss.scheduledFor(), 1, Integer::sum);
            }
        }
        Set<String> expected = new HashSet<>();
        anchors.forEach((job, anchor) -> {
            for (Instant at = anchor; !at.isAfter(end); at = at.plusSeconds(60)) {
                expected.add(job + "@" + at);
            }
        });
        List<String> problems = new ArrayList<>();
        for (String instant : expected) {
            int fired = runs.getOrDefault(instant, 0);
            int missed = misses.getOrDefault(instant, 0);
            if (fired + missed != 1) {
                problems.add(instant + " fired " + fired + " missed " + missed);
            }
        }
        long duplicates = runs.values().stream().filter(n -> n > 1).count();
        System.out.printf("%n| instants expected | fired | reported missed | duplicates | problems | kill -9 | tickers started | most at once | broker restarts | worst fire lag |%n");
        System.out.printf("|---|---|---|---|---|---|---|---|---|---|%n");
        System.out.printf("| %d | %d | %d | %d | %d | %d | %d | %d | %d | %d ms |%n%n", expected.size(),
                runs.keySet().stream().filter(expected::contains).count(),
                misses.keySet().stream().filter(expected::contains).count(), duplicates, problems.size(), kills,
                instancesStarted, mostRunning, brokerRestarts, worstLag.toMillis());
        assertThat(problems).as("instants not handled exactly once").isEmpty();
        assertThat(duplicates).isZero();
        assertThat(kills).as("the run killed something").isPositive();
        assertThat(brokerRestarts).as("the run restarted the broker").isPositive();
        assertThat(mostRunning).as("instances shared the partitions").isGreaterThan(1);
    }

    private Map<String, Instant> publishJobs(Instant start) throws Exception {
        Map<String, Instant> anchors = new HashMap<>();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < JOBS; i++) {
                UUID job = UUID.randomUUID();
                Instant anchor = start.plusSeconds(i);
                JobChanged changed = new JobChanged(Envelope.forJob(job, UUID.randomUUID(), Plan.of(Action.SCRAPE),
                        JobConfig.empty(), Instant.now()), 1, new JobSnapshot("chaos " + i, JobStatus.ACTIVE,
                        Schedule.every(60, anchor, ZoneOffset.UTC)));
                producer.send(new ProducerRecord<>(Topics.JOBS.name(), job.toString(), codec.encode(changed))).get();
                anchors.put(job.toString(), anchor);
            }
        }
        return anchors;
    }

    private Ticker startTicker() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path state = Files.createTempDirectory("ticker-chaos-");
        Path log = Path.of("target", "chaos-ticker-" + port + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", EmbeddedKafka.bootstrapServers());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("TICKER_STATE_DIR", state.toString());
        instancesStarted++;
        return new Ticker(builder.start(), port);
    }

    private static void awaitHealthy(Ticker ticker) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ticker.port
                        + "/actuator/health")).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("ticker did not start");
    }

    private record Ticker(Process process, int port) {
        void kill() {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stop() {
            process.destroy();
            try {
                if (!process.waitFor(40, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

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
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
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
import dev.pulse.contracts.messages.ScheduleType;
import dev.pulse.contracts.schedule.ScheduleCalculator;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.testsupport.EmbeddedKafka;
import dev.pulse.testsupport.TopicReader;

/**
 * Chaos: jobs of every schedule type fire — 60 custom jobs every minute, staggered so one fires every
 * second, and daily, weekly and cron jobs at wall times inside the run in UTC and in zones with whole and
 * half-hour offsets — while ticker processes are killed with SIGKILL at random moments and restarted, up
 * to three instances join and leave, and the broker is restarted. Then every JobDue and RunMissed on the
 * topics is counted per (job, instant), the expected instants of each job coming from the schedule
 * engine: each must be there exactly once, as a run or as a reported miss, never both, never twice.
 * Run with {@code bench/ticker-chaos.sh} (CHAOS_MINUTES, default 4).
 */
class TickerChaosIT {

    private static final int EVERY_SECOND_JOBS = 60;
    /** Zones of the wall-clock jobs: whole-hour and half-hour offsets, one with DST. */
    private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final MessageCodec codec = new MessageCodec();
    private final ScheduleCalculator calculator = new ScheduleCalculator();
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
        TopicReader fired = TopicReader.atEnd(Topics.JOB_DUE.name());
        TopicReader missed = TopicReader.atEnd(Topics.RUNS_MISSED.name());
        Instant start = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(length);
        Map<String, Schedule> jobs = jobs(start, end);
        publish(jobs);

        while (Instant.now().isBefore(end.minusSeconds(20))) {
            Thread.sleep(5_000 + random.nextInt(15_000));
            chaos();
        }
        if (running.isEmpty()) {
            running.add(startTicker());
        }
        Thread.sleep(Duration.between(Instant.now(), end).toMillis() + 45_000);
        running.forEach(Ticker::stop);

        verify(jobs, fired, missed, start, end);
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

    private void verify(Map<String, Schedule> jobs, TopicReader fired, TopicReader missed, Instant start, Instant end) {
        Map<String, Integer> runs = new HashMap<>();
        Map<String, Integer> misses = new HashMap<>();
        Duration worstLag = Duration.ZERO;
        for (ConsumerRecord<String, byte[]> record : fired.toEnd(r -> true)) {
            JobDue due = codec.decode(record.value(), JobDue.class);
            if (jobs.containsKey(due.envelope().jobId().toString())) {
                runs.merge(due.envelope().jobId() + "@" + due.scheduledFor(), 1, Integer::sum);
                Duration lag = Duration.between(due.scheduledFor(), Instant.ofEpochMilli(record.timestamp()));
                worstLag = lag.compareTo(worstLag) > 0 ? lag : worstLag;
            }
        }
        for (ConsumerRecord<String, byte[]> record : missed.toEnd(r -> true)) {
            RunMissed miss = codec.decode(record.value(), RunMissed.class);
            if (jobs.containsKey(miss.envelope().jobId().toString())) {
                misses.merge(miss.envelope().jobId() + "@" + miss.scheduledFor(), 1, Integer::sum);
            }
        }
        // Every instant of every job from the start to the end, by the same engine the ticker uses; the
        // jobs were published before the start, so the ticker knew each one before its first instant.
        Map<String, ScheduleType> expected = new HashMap<>();
        jobs.forEach((job, schedule) -> {
            for (Instant at = calculator.next(schedule, start.minusMillis(1)); !at.isAfter(end); at = calculator.next(schedule, at)) {
                expected.put(job + "@" + at, schedule.type());
            }
        });
        List<String> problems = new ArrayList<>();
        Map<ScheduleType, int[]> byType = new EnumMap<>(ScheduleType.class); // expected, fired, missed, problems
        expected.forEach((instant, type) -> {
            int[] counts = byType.computeIfAbsent(type, t -> new int[4]);
            int ran = runs.getOrDefault(instant, 0);
            int reported = misses.getOrDefault(instant, 0);
            counts[0]++;
            counts[1] += ran > 0 ? 1 : 0;
            counts[2] += reported > 0 ? 1 : 0;
            if (ran + reported != 1) {
                problems.add(instant + " (" + type + ") fired " + ran + " missed " + reported);
                counts[3]++;
            }
        });
        long duplicates = runs.values().stream().filter(n -> n > 1).count();
        System.out.printf("%n| instants expected | fired | reported missed | duplicates | problems | kill -9 | tickers started | most at once | broker restarts | worst fire lag |%n");
        System.out.printf("|---|---|---|---|---|---|---|---|---|---|%n");
        System.out.printf("| %d | %d | %d | %d | %d | %d | %d | %d | %d | %d ms |%n%n", expected.size(),
                runs.keySet().stream().filter(expected::containsKey).count(),
                misses.keySet().stream().filter(expected::containsKey).count(), duplicates, problems.size(), kills,
                instancesStarted, mostRunning, brokerRestarts, worstLag.toMillis());
        System.out.printf("| schedule type | jobs | instants expected | fired | reported missed | problems |%n");
        System.out.printf("|---|---|---|---|---|---|%n");
        for (ScheduleType type : ScheduleType.values()) {
            int[] counts = byType.getOrDefault(type, new int[4]);
            System.out.printf("| %s | %d | %d | %d | %d | %d |%n", type.name().toLowerCase(Locale.ROOT),
                    jobs.values().stream().filter(schedule -> schedule.type() == type).count(),
                    counts[0], counts[1], counts[2], counts[3]);
        }
        System.out.println();
        problems.stream().sorted().limit(20).forEach(problem -> System.out.println("[chaos] problem: " + problem));
        assertThat(problems).as("instants not handled exactly once").isEmpty();
        assertThat(duplicates).isZero();
        for (ScheduleType type : ScheduleType.values()) {
            assertThat(byType.getOrDefault(type, new int[4])[0]).as("instants of %s jobs in the run", type).isPositive();
        }
        assertThat(kills).as("the run killed something").isPositive();
        assertThat(brokerRestarts).as("the run restarted the broker").isPositive();
        assertThat(mostRunning).as("instances shared the partitions").isGreaterThan(1);
    }

    /**
     * The jobs of the run by id. Custom: every minute, one anchored at each second. Daily, weekly and
     * cron jobs name minute-granular wall times, so they get the minutes inside the run: a daily job at
     * each of them in every zone, a weekly one on that local date's weekday (and the next one), and cron
     * jobs every minute, every second minute and at single minutes (with and without a weekday name).
     */
    private Map<String, Schedule> jobs(Instant start, Instant end) {
        Map<String, Schedule> jobs = new LinkedHashMap<>();
        for (int i = 0; i < EVERY_SECOND_JOBS; i++) {
            jobs.put(UUID.randomUUID().toString(), Schedule.every(60, start.plusSeconds(i), ZoneOffset.UTC));
        }
        List<Instant> minutes = new ArrayList<>();
        for (Instant minute = start.truncatedTo(ChronoUnit.MINUTES).plusSeconds(60); !minute.isAfter(end); minute = minute.plusSeconds(60)) {
            minutes.add(minute);
        }
        for (int m = 0; m < minutes.size(); m++) {
            for (ZoneId zone : ZONES) {
                LocalDateTime local = LocalDateTime.ofInstant(minutes.get(m), zone);
                jobs.put(UUID.randomUUID().toString(), Schedule.daily(local.toLocalTime(), zone));
                jobs.put(UUID.randomUUID().toString(), Schedule.weekly(List.of(local.getDayOfWeek(), local.getDayOfWeek().plus(1)),
                        local.toLocalTime(), zone));
            }
            ZoneId zone = ZONES.get(m % ZONES.size());
            LocalDateTime local = LocalDateTime.ofInstant(minutes.get(m), zone);
            jobs.put(UUID.randomUUID().toString(), Schedule.cron(local.getMinute() + " " + local.getHour() + " * * *", zone));
            jobs.put(UUID.randomUUID().toString(), Schedule.cron(local.getMinute() + " " + local.getHour() + " * * "
                    + local.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT).toUpperCase(Locale.ROOT), zone));
        }
        for (ZoneId zone : ZONES) {
            jobs.put(UUID.randomUUID().toString(), Schedule.cron("* * * * *", zone));
            jobs.put(UUID.randomUUID().toString(), Schedule.cron("*/2 * * * *", zone));
        }
        return jobs;
    }

    private void publish(Map<String, Schedule> jobs) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            int i = 0;
            for (Map.Entry<String, Schedule> job : jobs.entrySet()) {
                Schedule schedule = job.getValue();
                calculator.validate(schedule); // a job the API would refuse is no test of the ticker
                JobChanged changed = new JobChanged(Envelope.forJob(UUID.fromString(job.getKey()), UUID.randomUUID(),
                        Plan.of(Action.SCRAPE), JobConfig.empty(), Instant.now()), 1, new JobSnapshot("chaos " + i++ + " "
                        + schedule.type().name().toLowerCase(Locale.ROOT), JobStatus.ACTIVE, schedule));
                producer.send(new ProducerRecord<>(Topics.JOBS.name(), job.getKey(), codec.encode(changed)));
            }
            producer.flush();
        }
        System.out.printf("[chaos] %s published %d jobs%n", Instant.now(), jobs.size());
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

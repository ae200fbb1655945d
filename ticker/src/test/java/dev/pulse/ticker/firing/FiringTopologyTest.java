package dev.pulse.ticker.firing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import dev.pulse.contracts.messages.Trigger;
import dev.pulse.contracts.schedule.ScheduleCalculator;
import dev.pulse.contracts.topics.DeadLetterHeaders;
import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.contracts.topics.Topics;

/** Every firing rule, on the real topology with a wall clock the test moves. */
class FiringTopologyTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final int QUEUE_SLACK = 100;
    private static final Plan PLAN = Plan.of(Action.SCRAPE, Action.GENERATE, Action.SEND);

    private final MessageCodec codec = new MessageCodec();
    private TopologyTestDriver driver;
    private Instant now = START;
    private TestInputTopic<String, byte[]> jobs;
    private TestOutputTopic<String, byte[]> due;
    private TestOutputTopic<String, byte[]> missed;
    private TestOutputTopic<String, byte[]> deadLetters;

    @BeforeEach
    void start() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ticker-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(FiringTopology.build(FiringSettings.of(Duration.ofMillis(2), Duration.ofHours(1)).withQueueSlack(QUEUE_SLACK), new ScheduleCalculator(), codec,
                FiringMetrics.NONE), config, START);
        jobs = driver.createInputTopic(Topics.JOBS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        due = driver.createOutputTopic(Topics.JOB_DUE.name(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
        missed = driver.createOutputTopic(Topics.RUNS_MISSED.name(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
        deadLetters = driver.createOutputTopic(ServiceTopics.TICKER.deadLetterFor(Topics.JOBS).name(),
                Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void firesAtItsInstantExactlyOnceWithADeterministicExecutionId() {
        UUID job = UUID.randomUUID();
        send(job, 1, JobStatus.ACTIVE, everyMinuteFrom(START.plusSeconds(60)), null);
        advance(Duration.ofSeconds(59));
        assertThat(due.isEmpty()).isTrue();
        advance(Duration.ofSeconds(1));
        List<JobDue> fired = fired();
        assertThat(fired).hasSize(1);
        JobDue first = fired.get(0);
        assertThat(first.scheduledFor()).isEqualTo(START.plusSeconds(60));
        assertThat(first.nextScheduledFor()).isEqualTo(START.plusSeconds(120));
        assertThat(first.envelope().executionId()).isEqualTo(ExecutionIds.scheduled(job.toString(), START.plusSeconds(60)));
        assertThat(first.envelope().trigger()).isEqualTo(Trigger.SCHEDULE);
        assertThat(first.envelope().plan()).isEqualTo(PLAN);
        advance(Duration.ofSeconds(30));
        assertThat(due.isEmpty()).as("not twice").isTrue();
        advance(Duration.ofSeconds(30));
        assertThat(fired()).extracting(JobDue::scheduledFor).containsExactly(START.plusSeconds(120));
    }

    @Test
    void aStaleVersionIsIgnored() {
        UUID job = UUID.randomUUID();
        send(job, 2, JobStatus.ACTIVE, everyMinuteFrom(START.plusSeconds(60)), null);
        send(job, 1, JobStatus.PAUSED, everyMinuteFrom(START.plusSeconds(60)), null);
        advance(Duration.ofSeconds(60));
        assertThat(fired()).hasSize(1);
    }

    @Test
    void pauseStopsAtOnceAndResumeContinuesFromNowWithoutABurst() {
        UUID job = UUID.randomUUID();
        Schedule schedule = everyMinuteFrom(START.plusSeconds(60));
        send(job, 1, JobStatus.ACTIVE, schedule, null);
        advance(Duration.ofSeconds(30));
        send(job, 2, JobStatus.PAUSED, schedule, null);
        advance(Duration.ofMinutes(10));
        assertThat(due.isEmpty()).isTrue();
        assertThat(missed.isEmpty()).as("paused instants are not misses").isTrue();
        send(job, 3, JobStatus.ACTIVE, schedule, null);
        advance(Duration.ofSeconds(1));
        assertThat(due.isEmpty()).as("no catch-up after resume").isTrue();
        advance(Duration.ofSeconds(60));
        assertThat(fired()).extracting(JobDue::scheduledFor).containsExactly(START.plusSeconds(660));
    }

    @Test
    void aChangeThatArrivesLateStillRunsTheInstantTheApiAnnounced() {
        UUID job = UUID.randomUUID();
        Instant changedAt = now;
        Schedule schedule = everyMinuteFrom(START.plusSeconds(60)); // announced next run: START + 60 s
        advance(Duration.ofSeconds(75)); // the ticker was busy (restarting, rebalancing) when it was made
        jobs.pipeInput(new TestRecord<>(job.toString(), snapshot(job, 1, JobStatus.ACTIVE, schedule, null, changedAt), START));
        advance(Duration.ofMillis(10));
        assertThat(fired()).extracting(JobDue::scheduledFor).as("late, within the grace").containsExactly(START.plusSeconds(60));
        assertThat(missed.isEmpty()).isTrue();
    }

    @Test
    void aSnapshotOlderThanItsGraceIsScheduledFromNowWithoutReportingItsPast() {
        UUID job = UUID.randomUUID();
        Instant changedAt = now;
        advance(Duration.ofDays(2)); // a snapshot read again long after it was written
        jobs.pipeInput(new TestRecord<>(job.toString(), snapshot(job, 1, JobStatus.ACTIVE, everyMinuteFrom(START.plusSeconds(60)),
                null, changedAt), START));
        advance(Duration.ofSeconds(60));
        assertThat(fired()).extracting(JobDue::scheduledFor).containsExactly(START.plus(Duration.ofDays(2)).plusSeconds(60));
        assertThat(missed.isEmpty()).isTrue();
    }

    @Test
    void manyReschedulesLeaveNoTraceInWhatFires() {
        UUID job = UUID.randomUUID();
        UUID steady = UUID.randomUUID();
        send(steady, 1, JobStatus.ACTIVE, everyMinuteFrom(START.plusSeconds(60)), null);
        // every update leaves an entry behind in memory; enough of them make the queue rebuild itself
        int updates = 5 * QUEUE_SLACK;
        for (int version = 1; version <= updates; version++) {
            send(job, version, JobStatus.ACTIVE, everyMinuteFrom(START.plusSeconds(30 + version % 29)), null);
            if (version % QUEUE_SLACK == 0) {
                advance(Duration.ofMillis(2));
            }
        }
        advance(Duration.ofSeconds(60));
        assertThat(fired()).extracting(d -> d.envelope().jobId(), JobDue::scheduledFor).containsExactlyInAnyOrder(
                tuple(job, START.plusSeconds(30 + updates % 29)),
                tuple(steady, START.plusSeconds(60)));
    }

    @Test
    void anUpdateReschedulesAtOnceAndTheOldInstantDoesNotFire() {
        UUID job = UUID.randomUUID();
        send(job, 1, JobStatus.ACTIVE, everyMinuteFrom(START.plusSeconds(60)), null);
        advance(Duration.ofSeconds(30));
        send(job, 2, JobStatus.ACTIVE, Schedule.every(120, START.plusSeconds(90), ZoneOffset.UTC), null);
        advance(Duration.ofSeconds(40));
        assertThat(due.isEmpty()).as("the old instant (60 s) is gone").isTrue();
        advance(Duration.ofSeconds(20));
        assertThat(fired()).extracting(JobDue::scheduledFor).containsExactly(START.plusSeconds(90));
    }

    @Test
    void aTombstoneStopsTheJobForGoodEvenAgainstStaleSnapshots() {
        UUID job = UUID.randomUUID();
        send(job, 1, JobStatus.ACTIVE, everyMinuteFrom(START.plusSeconds(60)), null);
        jobs.pipeInput(new TestRecord<>(job.toString(), null, START));
        send(job, 1, JobStatus.ACTIVE, everyMinuteFrom(START.plusSeconds(60)), null);
        advance(Duration.ofMinutes(5));
        assertThat(due.isEmpty()).isTrue();
    }

    @Test
    void aMissedInstantWithinGraceFiresOnceLateAndOlderOnesAreReportedMissed() {
        UUID job = UUID.randomUUID();
        send(job, 1, JobStatus.ACTIVE, everyMinuteFrom(START.plusSeconds(60)), null);
        // nothing ran for ten minutes and a bit (one wall-clock jump = one punctuation)
        advance(Duration.ofSeconds(630));
        List<JobDue> fired = fired();
        assertThat(fired).extracting(JobDue::scheduledFor).containsExactly(START.plusSeconds(600));
        assertThat(fired.get(0).nextScheduledFor()).isEqualTo(START.plusSeconds(660));
        assertThat(missed()).extracting(RunMissed::scheduledFor).containsExactly(
                START.plusSeconds(60), START.plusSeconds(120), START.plusSeconds(180), START.plusSeconds(240),
                START.plusSeconds(300), START.plusSeconds(360), START.plusSeconds(420), START.plusSeconds(480),
                START.plusSeconds(540));
        advance(Duration.ofSeconds(30));
        assertThat(fired()).extracting(JobDue::scheduledFor).containsExactly(START.plusSeconds(660));
    }

    @Test
    void aMissedInstantBeyondGraceIsReportedNotRun() {
        UUID job = UUID.randomUUID();
        send(job, 1, JobStatus.ACTIVE, everyMinuteFrom(START.plusSeconds(60)), 20);
        advance(Duration.ofSeconds(90));
        assertThat(due.isEmpty()).isTrue();
        List<RunMissed> reported = missed();
        assertThat(reported).extracting(RunMissed::scheduledFor).containsExactly(START.plusSeconds(60));
        assertThat(reported.get(0).graceSeconds()).isEqualTo(20);
        assertThat(reported.get(0).envelope().executionId()).isEqualTo(ExecutionIds.scheduled(job.toString(), START.plusSeconds(60)));
        advance(Duration.ofSeconds(30));
        assertThat(fired()).extracting(JobDue::scheduledFor).containsExactly(START.plusSeconds(120));
    }

    @Test
    void aLongBacklogNeverBecomesABurst() {
        UUID job = UUID.randomUUID();
        send(job, 1, JobStatus.ACTIVE, everyMinuteFrom(START.plusSeconds(60)), null);
        Instant latest = START.plus(Duration.ofDays(3));
        advance(Duration.ofDays(3));
        // 4320 instants passed; each punctuation reports at most 1001 of them, so catching up takes five
        List<JobDue> fired = new ArrayList<>(fired());
        for (int tick = 0; tick < 10; tick++) {
            advance(Duration.ofMillis(10));
            fired.addAll(fired());
        }
        assertThat(fired).as("exactly the latest passed instant runs").extracting(JobDue::scheduledFor).containsExactly(latest);
        assertThat(fired.get(0).nextScheduledFor()).isEqualTo(latest.plusSeconds(60));
        List<Instant> reported = missed().stream().map(RunMissed::scheduledFor).toList();
        assertThat(reported).as("every other passed instant is reported missed, once").hasSize(4319).doesNotHaveDuplicates()
                .doesNotContain(latest);
        assertThat(reported.get(0)).isEqualTo(START.plusSeconds(60));
        assertThat(reported.get(reported.size() - 1)).isEqualTo(latest.minusSeconds(60));
        advance(Duration.ofSeconds(30));
        assertThat(due.isEmpty()).as("no second run once caught up").isTrue();
        advance(Duration.ofSeconds(30));
        assertThat(fired()).extracting(JobDue::scheduledFor).containsExactly(latest.plusSeconds(60));
    }

    @Test
    void malformedRecordsGoToTheDeadLetterTopicAndTheNextOneIsProcessed() {
        UUID job = UUID.randomUUID();
        jobs.pipeInput(new TestRecord<>(job.toString(), "{not json".getBytes(StandardCharsets.UTF_8), START));
        jobs.pipeInput(new TestRecord<>(job.toString(), snapshot(UUID.randomUUID(), 1, JobStatus.ACTIVE,
                everyMinuteFrom(START.plusSeconds(60)), null), START));
        send(job, 1, JobStatus.ACTIVE, everyMinuteFrom(START.plusSeconds(60)), null);
        List<TestRecord<String, byte[]>> rejected = deadLetters.readRecordsToList();
        assertThat(rejected).hasSize(2);
        assertThat(reason(rejected.get(0))).contains(job.toString()).contains("cannot be read").contains("Not JSON");
        assertThat(reason(rejected.get(1))).contains("is not the job id of the snapshot");
        advance(Duration.ofSeconds(60));
        assertThat(fired()).hasSize(1);
    }

    @Test
    void anUnreadableRecordStopsItsJobUntilAValidOneArrives() {
        UUID job = UUID.randomUUID();
        send(job, 1, JobStatus.ACTIVE, everyMinuteFrom(START.plusSeconds(60)), null);
        // the job's latest definition is unknown: it may have been paused, so the held one must not run
        jobs.pipeInput(new TestRecord<>(job.toString(), "{not json".getBytes(StandardCharsets.UTF_8), START));
        advance(Duration.ofSeconds(90));
        assertThat(due.isEmpty()).isTrue();
        assertThat(deadLetters.readRecordsToList()).hasSize(1);
        send(job, 2, JobStatus.ACTIVE, everyMinuteFrom(START.plusSeconds(60)), null);
        advance(Duration.ofSeconds(30));
        assertThat(fired()).extracting(JobDue::scheduledFor).containsExactly(START.plusSeconds(120));
    }

    @Test
    void anUnschedulableSnapshotIsDeadLetteredAndThePartitionKeepsFiring() {
        UUID steady = UUID.randomUUID();
        UUID noInterval = UUID.randomUUID();
        UUID neverRuns = UUID.randomUUID();
        Schedule withoutInterval = new Schedule(ScheduleType.CUSTOM, null, List.of(), null, START.plusSeconds(60), null, ZoneOffset.UTC);
        Schedule thirtiethOfFebruary = Schedule.cron("0 0 30 2 *", ZoneOffset.UTC);
        byte[] noIntervalSnapshot = snapshot(noInterval, 1, JobStatus.ACTIVE, withoutInterval, null);
        byte[] neverRunsSnapshot = snapshot(neverRuns, 1, JobStatus.ACTIVE, thirtiethOfFebruary, null);
        // every job of the test driver is on its one partition: the bad ones come first, the good one after
        jobs.pipeInput(new TestRecord<>(noInterval.toString(), noIntervalSnapshot, START));
        jobs.pipeInput(new TestRecord<>(neverRuns.toString(), neverRunsSnapshot, START));
        send(steady, 1, JobStatus.ACTIVE, everyMinuteFrom(START.plusSeconds(60)), null);

        List<TestRecord<String, byte[]>> rejected = deadLetters.readRecordsToList();
        assertThat(rejected).extracting(TestRecord::key).containsExactly(noInterval.toString(), neverRuns.toString());
        assertThat(rejected.get(0).value()).as("the record as it came").isEqualTo(noIntervalSnapshot);
        assertThat(rejected.get(1).value()).isEqualTo(neverRunsSnapshot);
        assertThat(reason(rejected.get(0))).contains(noInterval.toString()).contains("version 1")
                .contains("cannot be scheduled").contains(whyNot(withoutInterval));
        assertThat(reason(rejected.get(1))).contains(neverRuns.toString()).contains("cannot be scheduled").contains(whyNot(thirtiethOfFebruary));

        advance(Duration.ofSeconds(60));
        assertThat(fired()).extracting(d -> d.envelope().jobId(), JobDue::scheduledFor)
                .containsExactly(tuple(steady, START.plusSeconds(60)));
        assertThat(missed.isEmpty()).isTrue();
    }

    @Test
    void aNewerValidVersionOfAnUnschedulableJobIsAcceptedButAnOlderCopyIsNot() {
        UUID job = UUID.randomUUID();
        send(job, 2, JobStatus.ACTIVE, Schedule.cron("0 0 30 2 *", ZoneOffset.UTC), null);
        assertThat(deadLetters.readRecordsToList()).hasSize(1);
        send(job, 1, JobStatus.ACTIVE, everyMinuteFrom(START.plusSeconds(60)), null);
        advance(Duration.ofSeconds(60));
        assertThat(due.isEmpty()).as("the rejected version is held: an older copy does not come back").isTrue();
        send(job, 3, JobStatus.ACTIVE, everyMinuteFrom(START.plusSeconds(120)), null);
        advance(Duration.ofSeconds(60));
        assertThat(fired()).extracting(JobDue::scheduledFor).containsExactly(START.plusSeconds(120));
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aHeldJobWhoseNextInstantCannotBeComputedIsDeadLetteredWhenDueAndTheOthersFire() {
        UUID steady = UUID.randomUUID();
        UUID job = UUID.randomUUID();
        // the first instant is fine; the one after it lies beyond the last instant java.time can represent
        Schedule endOfTime = Schedule.every(1_000_000_000_000_000_000L, START.plusSeconds(60), ZoneOffset.UTC);
        byte[] held = snapshot(job, 4, JobStatus.ACTIVE, endOfTime, null);
        jobs.pipeInput(new TestRecord<>(job.toString(), held, START));
        send(steady, 1, JobStatus.ACTIVE, everyMinuteFrom(START.plusSeconds(60)), null);
        advance(Duration.ofSeconds(59));
        assertThat(deadLetters.isEmpty()).as("accepted when it arrived").isTrue();

        advance(Duration.ofSeconds(1));
        List<TestRecord<String, byte[]>> rejected = deadLetters.readRecordsToList();
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).key()).isEqualTo(job.toString());
        assertThat(rejected.get(0).value()).as("the held snapshot").isEqualTo(held);
        assertThat(reason(rejected.get(0))).contains(job.toString()).contains("version 4").contains("cannot be scheduled after "
                + START.plusSeconds(60));
        assertThat(fired()).extracting(d -> d.envelope().jobId()).containsExactly(steady);
        assertThat(missed.isEmpty()).isTrue();

        advance(Duration.ofSeconds(60));
        assertThat(fired()).extracting(d -> d.envelope().jobId()).containsExactly(steady);
        assertThat(deadLetters.isEmpty()).as("dead-lettered once, then unscheduled").isTrue();
        send(job, 5, JobStatus.ACTIVE, everyMinuteFrom(START.plusSeconds(150)), null);
        advance(Duration.ofSeconds(30));
        assertThat(fired()).extracting(d -> d.envelope().jobId(), JobDue::scheduledFor)
                .containsExactly(tuple(job, START.plusSeconds(150)));
    }

    private void send(UUID job, long version, JobStatus status, Schedule schedule, Integer graceSeconds) {
        jobs.pipeInput(new TestRecord<>(job.toString(), snapshot(job, version, status, schedule, graceSeconds), START));
    }

    private byte[] snapshot(UUID job, long version, JobStatus status, Schedule schedule, Integer graceSeconds) {
        return snapshot(job, version, status, schedule, graceSeconds, null);
    }

    /** A snapshot as the API writes it: stamped with the moment of the change (by default, now). */
    private byte[] snapshot(UUID job, long version, JobStatus status, Schedule schedule, Integer graceSeconds, Instant changedAt) {
        JobConfig config = new JobConfig(10, 1, List.of(), null, false, List.of(), graceSeconds);
        Envelope envelope = Envelope.forJob(job, UUID.randomUUID(), PLAN, config, changedAt == null ? now : changedAt);
        return codec.encode(new JobChanged(envelope, version, new JobSnapshot("job", status, schedule)));
    }

    /** What the schedule engine says is wrong with {@code schedule}, which the dead letter's reason must name. */
    private static String whyNot(Schedule schedule) {
        ScheduleCalculator calculator = new ScheduleCalculator();
        Throwable thrown = catchThrowable(() -> {
            calculator.validate(schedule);
            calculator.next(schedule, START);
        });
        assertThat(thrown).as("%s cannot run", schedule).isNotNull();
        return thrown.getMessage();
    }

    private static String reason(TestRecord<String, byte[]> deadLetter) {
        Header reason = deadLetter.headers().lastHeader(DeadLetterHeaders.REASON);
        assertThat(reason).as("the %s header", DeadLetterHeaders.REASON).isNotNull();
        return new String(reason.value(), StandardCharsets.UTF_8);
    }

    private static Schedule everyMinuteFrom(Instant anchor) {
        return Schedule.every(60, anchor, ZoneOffset.UTC);
    }

    private void advance(Duration duration) {
        driver.advanceWallClockTime(duration);
        now = now.plus(duration);
    }

    private List<JobDue> fired() {
        return due.readValuesToList().stream().map(bytes -> codec.decode(bytes, JobDue.class)).toList();
    }

    private List<RunMissed> missed() {
        return missed.readValuesToList().stream().map(bytes -> codec.decode(bytes, RunMissed.class)).toList();
    }
}

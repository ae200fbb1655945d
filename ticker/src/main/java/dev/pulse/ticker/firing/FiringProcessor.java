package dev.pulse.ticker.firing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.JobChanged;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.JobStatus;
import dev.pulse.contracts.messages.RunMissed;
import dev.pulse.contracts.messages.Schedule;
import dev.pulse.contracts.messages.Trigger;
import dev.pulse.contracts.schedule.ScheduleCalculator;
import dev.pulse.contracts.topics.DeadLetterHeaders;

/**
 * The ticker's one processor, per partition of the jobs topic. It folds job snapshots into the job
 * store and the due index, and on a wall-clock punctuation publishes a JobDue for every job whose
 * instant has come. Under exactly_once_v2 the JobDue records and the store changes of one punctuation
 * commit in one transaction: a crash before the commit redoes the punctuation from the same state, a
 * crash after it finds the instant already advanced — so each (job, instant) fires once. A record or a
 * held snapshot that cannot be scheduled goes to the dead-letter topic and its job stops; nothing a job
 * record holds can stop the partition.
 */
final class FiringProcessor implements Processor<String, byte[], String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(FiringProcessor.class);

    private final FiringSettings settings;
    private final ScheduleCalculator calculator;
    private final MessageCodec codec;
    private final FiringMetrics metrics;
    private final FireLog fireLog;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> jobs;
    private KeyValueStore<String, Long> nextInstants;
    private final DueQueue queue = new DueQueue();
    private int rebuildAbove;
    private long heldReportedAt;

    FiringProcessor(FiringSettings settings, ScheduleCalculator calculator, MessageCodec codec, FiringMetrics metrics,
            FireLog fireLog) {
        this.fireLog = fireLog;
        this.settings = settings;
        this.calculator = calculator;
        this.codec = codec;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.jobs = context.getStateStore(FiringTopology.JOBS_STORE);
        this.nextInstants = context.getStateStore(FiringTopology.NEXT_STORE);
        rebuildQueue();
        log.info("Restored the jobs of partition {}: {} with a next run, about {} held in all",
                context.taskId().partition(), queue.size(), jobs.approximateNumEntries());
        context.schedule(settings.tick(), PunctuationType.WALL_CLOCK_TIME, this::fireDue);
    }

    /**
     * The queue lives in memory only: whenever the task starts it is built from the next instants,
     * which the changelog restores to exactly the last commit. Rescheduled jobs leave stale entries
     * behind, so it is also rebuilt once it has grown past twice its size at the last build plus a slack.
     */
    private void rebuildQueue() {
        queue.clear();
        try (KeyValueIterator<String, Long> entries = nextInstants.all()) {
            entries.forEachRemaining(entry -> queue.add(entry.value, UUID.fromString(entry.key)));
        }
        rebuildAbove = 2 * queue.size() + settings.queueSlack();
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String jobId = record.key();
        if (jobId == null) {
            deadLetter(record, "A job record needs its job id as key; this one has none.");
            return;
        }
        if (record.value() == null) {
            deleted(jobId);
            return;
        }
        // Whatever is wrong with a record, it is wrong on every retry: a record that cannot be folded is
        // dead-lettered rather than thrown, or the replaced stream thread would read it again and again
        // while every other job of the partition waits behind it.
        JobChanged changed;
        try {
            changed = decode(jobId, record.value());
        } catch (RuntimeException e) {
            // The job's latest definition is unknown: firing the one held could run a job that was
            // paused or changed since. Its version is unknown too, so none is remembered: the next valid
            // version newer than the one held is taken.
            unindex(jobId);
            deadLetter(record, "Job " + jobId + " is stopped: its record cannot be read (" + describe(e) + ").");
            return;
        }
        JobState current = state(jobId);
        if (current != null && changed.version() <= current.version()) {
            return; // stale or repeated: a newer version (or the deletion) is already held
        }
        Instant next;
        try {
            next = firstInstant(changed);
        } catch (RuntimeException e) {
            // Held like a paused job: an older copy of the job cannot come back, a newer version is taken.
            jobs.put(jobId, new JobState(changed.version(), false, record.value()).toBytes());
            unindex(jobId);
            deadLetter(record, "Job " + jobId + " version " + changed.version()
                    + " cannot be scheduled and is stopped until a newer version arrives (" + describe(e) + ").");
            return;
        }
        jobs.put(jobId, new JobState(changed.version(), false, record.value()).toBytes());
        if (next != null) {
            index(jobId, changed.envelope().jobId(), next);
        } else {
            unindex(jobId);
        }
    }

    private JobChanged decode(String jobId, byte[] value) {
        JobChanged changed = codec.decode(value, JobChanged.class);
        if (!changed.envelope().jobId().toString().equals(jobId)) {
            throw new IllegalArgumentException("key " + jobId + " is not the job id of the snapshot, "
                    + changed.envelope().jobId());
        }
        return changed;
    }

    /**
     * The job's first instant, or null if it is not active; throws if its schedule cannot run. It counts
     * from when the change was made, as the API's next_run_at does, so a change that reaches the ticker
     * late (a ticker restarting, a rebalance) still runs the instant the user was shown — late, within
     * the misfire grace, or reported missed. A change older than the grace (a snapshot read again long
     * after) counts from now, so re-reading the jobs topic never reports a job's whole past as missed.
     */
    private Instant firstInstant(JobChanged changed) {
        Schedule schedule = changed.job().schedule();
        calculator.validate(schedule);
        if (changed.job().status() != JobStatus.ACTIVE) {
            return null;
        }
        Instant now = now();
        Instant changedAt = changed.envelope().occurredAt();
        return calculator.next(schedule, changedAt.isBefore(now.minus(grace(changed))) ? now : changedAt);
    }

    private void deleted(String jobId) {
        unindex(jobId);
        // Keep a marker so that a stale snapshot arriving after the tombstone cannot bring the job back.
        jobs.put(jobId, JobState.deleted(Long.MAX_VALUE).toBytes());
    }

    /** Every job whose instant is now or past, oldest first, in bounded batches. */
    private void fireDue(long wallClock) {
        Instant now = Instant.ofEpochMilli(wallClock);
        fireLog.tick(wallClock);
        int handled = 0;
        while (handled < settings.maxFiresPerTick() && queue.hasDue(wallClock)) {
            fire(queue.poll(), now);
            handled++;
        }
        metrics.backlog(context.taskId().partition(), queue.hasDue(wallClock) ? queue.countDue(wallClock) : 0);
        if (handled > 0) {
            context.commit();
        }
        if (queue.size() > rebuildAbove) {
            rebuildQueue();
        }
        if (wallClock - heldReportedAt >= 1_000) {
            heldReportedAt = wallClock;
            metrics.jobsHeld(context.taskId().partition(), jobs.approximateNumEntries());
        }
    }

    private void fire(DueQueue.Entry entry, Instant now) {
        String jobId = entry.job().toString();
        Long current = nextInstants.get(jobId);
        if (current == null || current != entry.instant()) {
            return; // an entry left behind by a change; the job's current instant has its own
        }
        JobState state = state(jobId);
        if (state == null || state.deleted()) {
            return;
        }
        Instant first = Instant.ofEpochMilli(entry.instant());
        JobChanged job;
        List<Instant> following;
        try {
            job = codec.decode(state.snapshot(), JobChanged.class);
            following = following(job.job().schedule(), first, now);
        } catch (RuntimeException e) {
            // The schedule was checked on arrival, so only a snapshot held from before that check (or
            // from an older schedule engine), or a schedule that runs out later, gets here. It would fail
            // the same way on every tick, so the job stops rather than the partition.
            unindex(jobId);
            deadLetter(new Record<>(jobId, state.snapshot(), now.toEpochMilli()), "Job " + jobId + " version "
                    + state.version() + " cannot be scheduled after " + first
                    + " and is stopped until a newer version arrives (" + describe(e) + ").");
            return;
        }
        Duration grace = grace(job);
        // Instants that were superseded while nobody fired them are reported, never run: at most the
        // latest passed instant runs, so a backlog never becomes a burst.
        Instant instant = first;
        for (int i = 0; i < following.size() - 1; i++) {
            missed(jobId, job, instant, following.get(i), grace);
            instant = following.get(i);
        }
        Instant next = following.get(following.size() - 1);
        if (!next.isAfter(now)) {
            // still behind after a bounded catch-up: continue from here on the next tick
            missed(jobId, job, instant, next, grace);
        } else if (Duration.between(instant, now).compareTo(grace) <= 0) {
            due(jobId, job, instant, next, now);
        } else {
            missed(jobId, job, instant, next, grace);
        }
        index(jobId, entry.job(), next);
    }

    /**
     * The instants after {@code first}, up to and including the first one after {@code now} (or, behind
     * by more than {@code maxMissedPerJobPerTick}, that many): computed in full before anything is
     * published, so a schedule that fails halfway leaves nothing half-reported. Usually just one.
     */
    private List<Instant> following(Schedule schedule, Instant first, Instant now) {
        Instant next = calculator.next(schedule, first);
        if (next.isAfter(now)) {
            return List.of(next);
        }
        List<Instant> instants = new ArrayList<>();
        instants.add(next);
        for (int skipped = 1; !next.isAfter(now) && skipped <= settings.maxMissedPerJobPerTick(); skipped++) {
            next = calculator.next(schedule, next);
            instants.add(next);
        }
        return instants;
    }

    private void due(String jobId, JobChanged job, Instant instant, Instant next, Instant now) {
        Envelope envelope = envelope(jobId, job, instant);
        byte[] message = codec.encode(new JobDue(envelope, instant, next));
        context.forward(new Record<>(envelope.executionId().toString(), message, now.toEpochMilli()), FiringTopology.JOB_DUE_SINK);
        metrics.fired(Duration.between(instant, now));
        fireLog.fired(jobId, envelope.executionId(), instant, now.toEpochMilli());
    }

    private void missed(String jobId, JobChanged job, Instant instant, Instant next, Duration grace) {
        Envelope envelope = envelope(jobId, job, instant);
        byte[] message = codec.encode(new RunMissed(envelope, instant, next, grace.toSeconds()));
        context.forward(new Record<>(envelope.executionId().toString(), message, now().toEpochMilli()), FiringTopology.RUNS_MISSED_SINK);
        metrics.missed();
        fireLog.missed(jobId, envelope.executionId(), instant, grace, now().toEpochMilli());
    }

    private Envelope envelope(String jobId, JobChanged job, Instant instant) {
        Envelope source = job.envelope();
        return Envelope.forExecution(ExecutionIds.scheduled(jobId, instant), Trigger.SCHEDULE, null,
                source.config().testMode(), source.jobId(), source.workspaceId(), source.plan(), source.config(), now());
    }

    private Duration grace(JobChanged job) {
        Integer seconds = job.envelope().config().misfireGraceSeconds();
        return seconds == null ? settings.defaultMisfireGrace() : Duration.ofSeconds(seconds);
    }

    private void index(String jobId, UUID job, Instant next) {
        nextInstants.put(jobId, next.toEpochMilli());
        queue.add(next.toEpochMilli(), job);
    }

    private void unindex(String jobId) {
        // the job's queue entry, if any, goes stale and is dropped when it comes up
        if (nextInstants.get(jobId) != null) {
            nextInstants.delete(jobId);
        }
    }

    private JobState state(String jobId) {
        byte[] bytes = jobs.get(jobId);
        return bytes == null ? null : JobState.fromBytes(bytes);
    }

    private void deadLetter(Record<String, byte[]> record, String reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(DeadLetterHeaders.REASON, reason.getBytes(StandardCharsets.UTF_8));
        context.forward(new Record<>(record.key(), record.value(), record.timestamp(), headers), FiringTopology.DEAD_LETTER_SINK);
        log.warn("Sent a jobs record to the dead-letter topic: {}", reason);
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }

}

package dev.pulse.ticker.firing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import org.slf4j.MDC;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.json.MessageRejectedException;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.JobChanged;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.JobStatus;
import dev.pulse.contracts.messages.RunMissed;
import dev.pulse.contracts.messages.Trigger;
import dev.pulse.contracts.schedule.ScheduleCalculator;

/**
 * The ticker's one processor, per partition of the jobs topic. It folds job snapshots into the job
 * store and the due index, and on a wall-clock punctuation publishes a JobDue for every job whose
 * instant has come. Under exactly_once_v2 the JobDue records and the store changes of one punctuation
 * commit in one transaction: a crash before the commit redoes the punctuation from the same state, a
 * crash after it finds the instant already advanced — so each (job, instant) fires once.
 */
final class FiringProcessor implements Processor<String, byte[], String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(FiringProcessor.class);

    private final FiringSettings settings;
    private final ScheduleCalculator calculator;
    private final MessageCodec codec;
    private final FiringMetrics metrics;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> jobs;
    private KeyValueStore<String, Long> nextInstants;
    private final DueQueue queue = new DueQueue();
    private int rebuildAbove;
    private long heldReportedAt;

    FiringProcessor(FiringSettings settings, ScheduleCalculator calculator, MessageCodec codec, FiringMetrics metrics) {
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
            deadLetter(record, "a job record needs its job id as key");
            return;
        }
        JobState current = state(jobId);
        if (record.value() == null) {
            deleted(jobId);
            return;
        }
        JobChanged changed;
        try {
            changed = codec.decode(record.value(), JobChanged.class);
        } catch (MessageRejectedException e) {
            deadLetter(record, e.getMessage());
            return;
        }
        if (!changed.envelope().jobId().toString().equals(jobId)) {
            deadLetter(record, "key " + jobId + " is not the job id of the snapshot");
            return;
        }
        if (current != null && changed.version() <= current.version()) {
            return; // stale or repeated: a newer version (or the deletion) is already held
        }
        Instant now = now();
        Instant next = changed.job().status() == JobStatus.ACTIVE ? calculator.next(changed.job().schedule(), now) : null;
        jobs.put(jobId, new JobState(changed.version(), false, record.value()).toBytes());
        if (next != null) {
            index(jobId, changed.envelope().jobId(), next);
        } else {
            unindex(jobId);
        }
    }

    private void deleted(String jobId) {
        unindex(jobId);
        // Keep a marker so that a stale snapshot arriving after the tombstone cannot bring the job back.
        jobs.put(jobId, JobState.deleted(Long.MAX_VALUE).toBytes());
    }

    /** Every job whose instant is now or past, oldest first, in bounded batches. */
    private void fireDue(long wallClock) {
        Instant now = Instant.ofEpochMilli(wallClock);
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
        Instant instant = Instant.ofEpochMilli(entry.instant());
        JobChanged job = codec.decode(state.snapshot(), JobChanged.class);
        Duration grace = grace(job);
        Instant next = calculator.next(job.job().schedule(), instant);
        int skipped = 0;
        // Instants that were superseded while nobody fired them are reported, never run: at most the
        // latest passed instant runs, so a backlog never becomes a burst.
        while (!next.isAfter(now) && skipped < settings.maxMissedPerJobPerTick()) {
            missed(jobId, job, instant, next, grace);
            instant = next;
            next = calculator.next(job.job().schedule(), instant);
            skipped++;
        }
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

    private void due(String jobId, JobChanged job, Instant instant, Instant next, Instant now) {
        Envelope envelope = envelope(jobId, job, instant);
        byte[] message = codec.encode(new JobDue(envelope, instant, next));
        context.forward(new Record<>(envelope.executionId().toString(), message, now.toEpochMilli()), FiringTopology.JOB_DUE_SINK);
        metrics.fired(Duration.between(instant, now));
        if (log.isDebugEnabled()) {
            try (var jobContext = MDC.putCloseable("job_id", jobId); var executionContext = MDC.putCloseable("execution_id", envelope.executionId().toString())) {
                log.debug("Fired job {} for {} (execution {})", jobId, instant, envelope.executionId());
            }
        }
    }

    private void missed(String jobId, JobChanged job, Instant instant, Instant next, Duration grace) {
        Envelope envelope = envelope(jobId, job, instant);
        byte[] message = codec.encode(new RunMissed(envelope, instant, next, grace.toSeconds()));
        context.forward(new Record<>(envelope.executionId().toString(), message, now().toEpochMilli()), FiringTopology.RUNS_MISSED_SINK);
        metrics.missed();
        log.info("Job {} missed its run at {} (beyond the misfire grace of {})", jobId, instant, grace);
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
        headers.add("pulse.dlt.reason", reason.getBytes(StandardCharsets.UTF_8));
        context.forward(new Record<>(record.key(), record.value(), record.timestamp(), headers), FiringTopology.DEAD_LETTER_SINK);
        log.warn("Sent a jobs record to the dead-letter topic: {}", reason);
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }

}

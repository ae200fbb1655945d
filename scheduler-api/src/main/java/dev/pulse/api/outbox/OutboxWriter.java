package dev.pulse.api.outbox;

import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.JobChanged;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.schedule.ScheduleCalculator;
import dev.pulse.contracts.topics.Topic;
import dev.pulse.contracts.topics.Topics;

/**
 * Writes messages into the outbox table inside the caller's transaction, so a message exists if and
 * only if the change it describes was committed. {@link OutboxRelay} publishes them afterwards.
 */
@Component
public class OutboxWriter {

    private final OutboxRepository outbox;
    private final MessageCodec codec;
    private final ScheduleCalculator calculator;
    private final ApplicationEventPublisher events;

    OutboxWriter(OutboxRepository outbox, MessageCodec codec, ScheduleCalculator calculator, ApplicationEventPublisher events) {
        this.outbox = outbox;
        this.codec = codec;
        this.calculator = calculator;
        this.events = events;
    }

    /**
     * A full snapshot of the job, keyed by job id on the compacted jobs topic. The snapshot is read back
     * from its own bytes and scheduled with the ticker's engine first: a JobChanged the ticker could not
     * schedule is a bug here, and fails the change (rolls it back) rather than reaching the ticker.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void jobChanged(JobChanged message) {
        byte[] payload = codec.encode(message);
        JobChanged asTheTickerReadsIt = codec.decode(payload, JobChanged.class);
        calculator.validate(asTheTickerReadsIt.job().schedule());
        calculator.next(asTheTickerReadsIt.job().schedule(), message.envelope().occurredAt());
        UUID jobId = message.envelope().jobId();
        insert(Topics.JOBS, jobId.toString(), payload, jobId, message.version());
    }

    /** A tombstone: the job is gone for good. It supersedes {@code lastVersion}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void jobDeleted(UUID jobId, long lastVersion) {
        insert(Topics.JOBS, jobId.toString(), null, jobId, lastVersion + 1);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void jobDue(JobDue due) {
        UUID execution = due.envelope().executionId();
        insert(Topics.JOB_DUE, execution.toString(), codec.encode(due), execution, null);
    }

    /** A stage's input, published again for a replay, keyed by its execution like every pipeline record. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void replayed(Topic input, UUID executionId, byte[] payload) {
        insert(input, executionId.toString(), payload, executionId, null);
    }

    private void insert(Topic topic, String key, byte[] payload, UUID aggregateId, Long version) {
        outbox.insert(topic.name(), key, payload, aggregateId, version);
        events.publishEvent(new OutboxWritten());
    }
}

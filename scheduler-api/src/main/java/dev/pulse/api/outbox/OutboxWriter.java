package dev.pulse.api.outbox;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.JobChanged;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.JobSnapshot;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.topics.Topic;
import dev.pulse.contracts.topics.Topics;

/**
 * Writes messages into the outbox table inside the caller's transaction, so a message exists if and
 * only if the change it describes was committed. {@link OutboxRelay} publishes them afterwards.
 */
@Component
public class OutboxWriter {

    private final JdbcClient db;
    private final MessageCodec codec;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OutboxWriter(JdbcClient db, MessageCodec codec, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.codec = codec;
        this.events = events;
        this.clock = clock;
    }

    /** A full snapshot of the job at {@code version}, keyed by job id on the compacted jobs topic. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void jobChanged(UUID jobId, UUID workspaceId, long version, JobSnapshot job, Plan plan, JobConfig config) {
        JobChanged message = new JobChanged(Envelope.forJob(jobId, workspaceId, plan, config, clock.instant()), version, job);
        insert(Topics.JOBS, jobId.toString(), codec.encode(message), jobId, version);
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

    private void insert(Topic topic, String key, byte[] payload, UUID aggregateId, Long version) {
        db.sql("insert into outbox (topic, message_key, payload, aggregate_id, aggregate_version) values (?, ?, ?, ?, ?)")
                .params(topic.name(), key, payload, aggregateId, version)
                .update();
        events.publishEvent(new OutboxWritten());
    }
}

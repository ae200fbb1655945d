package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.pulse.api.outbox.OutboxRelay;
import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.JobChanged;
import dev.pulse.contracts.messages.JobStatus;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.testsupport.TopicReader;

/**
 * The transactional outbox: a change committed while nothing publishes (the relay is down, as if the
 * API died right after its commit) still reaches Kafka when a relay runs again — every version, once,
 * in version order, ending in the delete's tombstone.
 */
class OutboxRelayTest extends ApiTest {

    @Autowired
    OutboxRelay relay;

    @Autowired
    JdbcClient db;

    private final MessageCodec codec = new MessageCodec();

    @Test
    void everyVersionArrivesOnceInOrderAfterTheRelayWasDownBetweenCommitAndPublish() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        String job;
        TopicReader jobs = TopicReader.atEnd(Topics.JOBS.name());
        relay.stop();
        try {
            job = createDaily(owner, workspace, "outboxed");
            assertThat(owner.put("/api/v1/scheduler/" + job, "{\"schedule_time\": \"09:00\"}").status()).isEqualTo(200);
            assertThat(owner.post("/api/v1/scheduler/" + job + "/pause", null).status()).isEqualTo(200);
            assertThat(owner.post("/api/v1/scheduler/" + job + "/resume", null).status()).isEqualTo(200);
            assertThat(owner.delete("/api/v1/scheduler/" + job).status()).isEqualTo(200);

            assertThat(db.sql("select count(*) from outbox where message_key = ? and published_at is null")
                    .param(job).query(Integer.class).single()).as("committed, not yet published").isEqualTo(5);
            assertThat(jobs.toEnd(r -> r.key().equals(job))).isEmpty();
        } finally {
            relay.start();
        }

        List<ConsumerRecord<String, byte[]>> records = jobs.await(r -> r.key().equals(job), 5, Duration.ofSeconds(20));
        assertThat(records).hasSize(5);
        List<JobChanged> snapshots = records.subList(0, 4).stream().map(r -> codec.decode(r.value(), JobChanged.class)).toList();
        assertThat(snapshots).extracting(JobChanged::version).containsExactly(1L, 2L, 3L, 4L);
        assertThat(snapshots).extracting(s -> s.job().status())
                .containsExactly(JobStatus.ACTIVE, JobStatus.ACTIVE, JobStatus.PAUSED, JobStatus.ACTIVE);
        assertThat(snapshots.get(1).job().schedule().time()).hasToString("09:00");
        assertThat(records.get(4).value()).as("tombstone").isNull();
        assertThat(db.sql("select count(*) from outbox where message_key = ? and published_at is null")
                .param(job).query(Integer.class).single()).isZero();
    }

    @Test
    void runNowPublishesItsJobDueThroughTheOutbox() {
        ApiClient owner = newUser();
        String job = createDaily(owner, workspace(owner), "run through outbox");
        TopicReader due = TopicReader.atEnd(Topics.JOB_DUE.name());
        String execution = owner.post("/api/v1/scheduler/" + job + "/run-now", null).data().get("execution_id").asString();
        assertThat(db.sql("select count(*) from outbox where topic = ? and message_key = ?")
                .params(Topics.JOB_DUE.name(), execution).query(Integer.class).single()).isEqualTo(1);
        assertThat(due.await(r -> r.key().equals(execution), 1, Duration.ofSeconds(15))).hasSize(1);
    }
}

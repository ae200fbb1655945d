package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.pulse.api.outbox.OutboxWriter;
import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.JobChanged;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.JobSnapshot;
import dev.pulse.contracts.messages.JobStatus;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.messages.Schedule;
import dev.pulse.contracts.messages.ScheduleType;
import dev.pulse.contracts.schedule.InvalidScheduleException;

/**
 * The last guard before the ticker: a JobChanged whose schedule the ticker's engine cannot schedule
 * fails its transaction instead of reaching the outbox, whatever code path produced it.
 */
class OutboxGuardTest extends ApiTest {

    @Autowired
    OutboxWriter outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient db;

    @Test
    void aSnapshotTheTickerCouldNotScheduleIsNeverWritten() {
        for (Schedule unschedulable : new Schedule[] {
                new Schedule(ScheduleType.CUSTOM, null, null, null, Instant.now(), null, ZoneOffset.UTC),
                Schedule.cron("0 0 30 2 *", ZoneOffset.UTC)}) {
            UUID job = UUID.randomUUID();
            JobChanged changed = new JobChanged(Envelope.forJob(job, UUID.randomUUID(), Plan.of(Action.SCRAPE), JobConfig.empty(),
                    Instant.now()), 1, new JobSnapshot("unschedulable", JobStatus.ACTIVE, unschedulable));
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> outbox.jobChanged(changed)))
                    .isInstanceOf(InvalidScheduleException.class);
            assertThat(db.sql("select count(*) from outbox where message_key = ?").param(job.toString())
                    .query(Integer.class).single()).isZero();
        }
    }
}

package dev.pulse.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.messages.Trigger;
import dev.pulse.contracts.topics.Topics;

/**
 * The peer: db-scheduler with its recommended lock-and-fetch polling on the same PostgreSQL, running
 * the same jobs — each execution publishes the same JobDue to the same topic. Its lag is measured when
 * its handler starts (before publishing), which favours it.
 */
final class DbSchedulerRun implements AutoCloseable {

    static final int THREADS = 10;
    /** db-scheduler's own default. */
    static final Duration DEFAULT_POLLING_INTERVAL = Duration.ofSeconds(10);

    private final DataSource db;
    private final KafkaProducer<String, byte[]> producer;
    private final MessageCodec codec = new MessageCodec();
    private final ConcurrentLinkedQueue<long[]> executions = new ConcurrentLinkedQueue<>();
    private final AtomicInteger executed = new AtomicInteger();
    private final Scheduler scheduler;

    DbSchedulerRun(DataSource db, String bootstrap, Duration pollingInterval) throws Exception {
        this.db = db;
        this.producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 1), new StringSerializer(), new ByteArraySerializer());
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("""
                    create table if not exists scheduled_tasks (
                      task_name text not null, task_instance text not null, task_data bytea,
                      execution_time timestamp with time zone not null, picked boolean not null, picked_by text,
                      last_success timestamp with time zone, last_failure timestamp with time zone,
                      consecutive_failures int, last_heartbeat timestamp with time zone, version bigint not null,
                      priority smallint, primary key (task_name, task_instance));
                    create index if not exists execution_time_idx on scheduled_tasks (execution_time);
                    create index if not exists last_heartbeat_idx on scheduled_tasks (last_heartbeat);
                    create index if not exists priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
                    """);
        }
        OneTimeTask<Void> task = Tasks.oneTime("bench-job").execute((instance, context) -> {
            long start = System.currentTimeMillis();
            Instant scheduled = context.getExecution().executionTime;
            UUID execution = UUID.nameUUIDFromBytes(instance.getId().getBytes());
            Envelope envelope = Envelope.forExecution(execution, Trigger.SCHEDULE, null, false, execution, execution,
                    Plan.of(Action.SCRAPE), JobConfig.empty(), Instant.now());
            producer.send(new ProducerRecord<>(Topics.JOB_DUE.name(), execution.toString(),
                    codec.encode(new JobDue(envelope, scheduled, scheduled.plusSeconds(3600)))));
            executions.add(new long[] {scheduled.toEpochMilli(), start});
            executed.incrementAndGet();
        });
        scheduler = Scheduler.create(db, task)
                .threads(THREADS)
                .pollingInterval(pollingInterval)
                .pollUsingLockAndFetch(0.5, 1.0)
                .build();
        scheduler.start();
    }

    /** Inserts {@code count} instances, the i-th due at {@code first + i * step}, in one statement. */
    void schedule(int count, Instant first, Duration step) throws Exception {
        executions.clear();
        executed.set(0);
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version, priority)
                select 'bench-job', ? || g, cast(? as timestamptz) + g * (cast(? as bigint) * interval '1 millisecond'), false, 1, 0
                from generate_series(0, ? - 1) g""")) {
            insert.setString(1, UUID.randomUUID() + "-");
            insert.setTimestamp(2, Timestamp.from(first));
            insert.setLong(3, step.toMillis());
            insert.setInt(4, count);
            insert.executeUpdate();
        }
    }

    /** Waits until {@code count} executions ran (or the timeout); returns their (scheduled, started) pairs. */
    long[][] await(int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (executed.get() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        producer.flush();
        return executions.toArray(long[][]::new);
    }

    @Override
    public void close() {
        scheduler.stop();
        producer.close();
    }
}

package dev.pulse.api.tracker;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.pulse.api.execution.ExecutionStatus;
import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.Action;

/**
 * scheduler_executions as the tracker (and replay) writes it: facts in, derived columns out, under a
 * transaction-scoped advisory lock per execution, so the tracker's consumers and the API's replay never
 * fold one execution at the same time — even before its row exists.
 */
@Repository
public class TrackerRepository {

    /** An execution's facts as stored, and the status its row showed (null when there is no row yet). */
    public record Stored(ExecutionFacts facts, ExecutionStatus status) {
    }

    /**
     * The whole batch in one statement, its rows as parallel arrays: PostgreSQL sets up the statement
     * (its check constraints, the conflict arbiter) once per batch instead of once per row.
     */
    private static final String UPSERT = """
            insert into scheduler_executions as e (id, job_id, workspace_id, trigger, test_mode, actions, status,
                scheduled_for, started_at, completed_at, duration_seconds, scrape_result, generate_result, send_result,
                error_message, error_code, failed_stage, error_details, execution_log, actions_performed, fold_state,
                replay_count, parked_at, updated_at)
            select r.id, r.job_id, r.workspace_id, r.trigger::execution_trigger, r.test_mode, r.actions::pipeline_action[],
                r.status::execution_status, r.scheduled_for::timestamptz, r.started_at::timestamptz, r.completed_at::timestamptz,
                r.duration_seconds::numeric, r.scrape_result::jsonb, r.generate_result::jsonb, r.send_result::jsonb,
                r.error_message, r.error_code, r.failed_stage::pipeline_action, r.error_details::jsonb, r.execution_log::jsonb,
                r.actions_performed::pipeline_action[], r.fold_state, r.replay_count, r.parked_at::timestamptz, now()
            from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::boolean[], ?::text[], ?::text[], ?::text[], ?::text[],
                ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                ?::text[], ?::text[], ?::integer[], ?::text[])
                as r(id, job_id, workspace_id, trigger, test_mode, actions, status, scheduled_for, started_at, completed_at,
                duration_seconds, scrape_result, generate_result, send_result, error_message, error_code, failed_stage,
                error_details, execution_log, actions_performed, fold_state, replay_count, parked_at)
            where exists (select 1 from scheduler_jobs j where j.id = r.job_id)
            on conflict (id) do update set trigger = excluded.trigger, test_mode = excluded.test_mode,
                actions = excluded.actions, status = excluded.status, scheduled_for = excluded.scheduled_for,
                started_at = excluded.started_at, completed_at = excluded.completed_at,
                duration_seconds = excluded.duration_seconds, scrape_result = excluded.scrape_result,
                generate_result = excluded.generate_result, send_result = excluded.send_result,
                error_message = excluded.error_message, error_code = excluded.error_code,
                failed_stage = excluded.failed_stage, error_details = excluded.error_details,
                execution_log = excluded.execution_log, actions_performed = excluded.actions_performed,
                fold_state = excluded.fold_state, replay_count = excluded.replay_count, parked_at = excluded.parked_at,
                updated_at = now()
            returning e.id""";

    private final JdbcTemplate jdbc;
    private final MessageCodec codec;

    TrackerRepository(JdbcTemplate jdbc, MessageCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    /** Locks the executions for the rest of the transaction, in one order, so two folds never deadlock. */
    public void lock(Collection<UUID> executions) {
        Long[] keys = executions.stream().map(id -> id.getMostSignificantBits() ^ id.getLeastSignificantBits())
                .sorted().distinct().toArray(Long[]::new);
        jdbc.query("select pg_advisory_xact_lock(k) from (select unnest(?::bigint[]) as k order by k) keys",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", keys)), rs -> { });
    }

    public Map<UUID, Stored> load(Collection<UUID> executions) {
        Map<UUID, Stored> stored = new HashMap<>();
        jdbc.query("select id, fold_state, status from scheduler_executions where id = any(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", executions.toArray())),
                rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    String state = rs.getString("fold_state");
                    ExecutionFacts facts = state == null || state.equals("{}") ? ExecutionFacts.empty(id)
                            : codec.fromJson(state, ExecutionFacts.class);
                    stored.put(id, new Stored(facts, ExecutionStatus.parse(rs.getString("status"))));
                });
        return stored;
    }

    /** Writes the rows whose job still exists; returns those written (a deleted job's events are dropped). */
    public List<ExecutionRow> write(List<ExecutionRow> rows) {
        int n = rows.size();
        Object[][] columns = {new UUID[n], new UUID[n], new UUID[n], new String[n], new Boolean[n], new String[n], new String[n],
                new String[n], new String[n], new String[n], new String[n], new String[n], new String[n], new String[n],
                new String[n], new String[n], new String[n], new String[n], new String[n], new String[n], new String[n],
                new Integer[n], new String[n]};
        String[] types = {"uuid", "uuid", "uuid", "text", "bool", "text", "text", "text", "text", "text", "text", "text", "text",
                "text", "text", "text", "text", "text", "text", "text", "text", "int4", "text"};
        for (int i = 0; i < n; i++) {
            ExecutionRow row = rows.get(i);
            ExecutionFacts facts = row.facts();
            Object[] values = {facts.executionId(), facts.jobId(), facts.workspaceId(), lower(facts.trigger()), facts.testMode(),
                    actions(facts.plan()), row.status().value(), text(facts.scheduledFor()), text(row.startedAt()),
                    text(row.completedAt()), row.durationSeconds() == null ? null : row.durationSeconds().toPlainString(),
                    json(row.scrapeResult()), json(row.generateResult()), json(row.sendResult()), row.errorMessage(),
                    row.errorCode(), lower(row.failedStage()), json(row.errorDetails()), json(row.log()),
                    actions(row.actionsPerformed()), codec.toJson(facts), facts.replay().count(), text(facts.replay().parkedAt())};
            for (int c = 0; c < values.length; c++) {
                columns[c][i] = values[c];
            }
        }
        Set<UUID> written = new HashSet<>(jdbc.query(UPSERT, ps -> {
            for (int c = 0; c < columns.length; c++) {
                ps.setArray(c + 1, ps.getConnection().createArrayOf(types[c], columns[c]));
            }
        }, (rs, i) -> rs.getObject(1, UUID.class)));
        return rows.stream().filter(row -> written.contains(row.facts().executionId())).toList();
    }

    /**
     * Counters move by the runs that finished or un-finished (a replay reopens one); next_run_at only
     * forward; last_run_* are the latest scheduled execution's, read back, so they never depend on order.
     */
    public void updateJobs(Collection<JobProgress> jobs) {
        // in one order, so folds running side by side wait for each other instead of deadlocking
        List<Object[]> args = jobs.stream().filter(JobProgress::changed)
                .sorted(java.util.Comparator.comparing(JobProgress::jobId)).map(job -> new Object[] {job.jobId(), job.finished(),
                job.succeeded(), job.failed(), timestamp(job.next()), timestamp(job.dueFor()), timestamp(job.next()), job.jobId()}).toList();
        if (args.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                update scheduler_jobs j set total_runs = greatest(0, j.total_runs + ?), successful_runs = greatest(0, j.successful_runs + ?),
                    failed_runs = greatest(0, j.failed_runs + ?),
                    next_run_at = case when ?::timestamptz is not null and j.status = 'active'
                                        and (j.next_run_at is null or j.next_run_at <= ?) then ? else j.next_run_at end,
                    last_run_status = coalesce(latest.status, j.last_run_status),
                    last_error = case when latest.status is null then j.last_error else left(latest.error_message, 4000) end,
                    last_run_at = coalesce(latest.started_at, j.last_run_at)
                from (select 1) one left join lateral (
                    select status, error_message, started_at from scheduler_executions
                    where job_id = ? and status <> 'pending' order by scheduled_for desc nulls last, created_at desc limit 1) latest on true
                where j.id = ?""", args.stream().map(a -> new Object[] {a[1], a[2], a[3], a[4], a[5], a[6], a[0], a[7]}).toList());
    }

    private String json(Object value) {
        return value == null ? null : codec.toJson(value);
    }

    /** A pipeline_action[] literal, such as {scrape,generate}. */
    private static String actions(List<Action> actions) {
        return (actions == null ? List.<Action>of() : actions).stream().map(TrackerRepository::lower)
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

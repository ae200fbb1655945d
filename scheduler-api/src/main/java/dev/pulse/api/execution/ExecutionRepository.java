package dev.pulse.api.execution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import dev.pulse.api.execution.ExecutionStats.LastExecution;
import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.Trigger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** scheduler_executions as the API reads it, and the one row it writes itself (run-now). */
@Repository
public class ExecutionRepository {

    private static final String VIEW = """
            select e.id, e.job_id, e.workspace_id, j.name as job_name, e.trigger, e.replay_of, e.test_mode, e.actions,
                   e.actions_performed, e.status, e.scheduled_for, e.started_at, e.completed_at, e.duration_seconds,
                   e.scrape_result::text, e.generate_result::text, e.send_result::text, e.error_message,
                   e.error_code, e.failed_stage, e.error_details::text, e.execution_log::text, e.replay_count, e.parked_at,
                   e.created_at
            from scheduler_executions e join scheduler_jobs j on j.id = e.job_id""";

    private final JdbcClient db;
    private final JsonMapper json;

    ExecutionRepository(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** A pending execution that a user asked for; the stages fill it in as they report. */
    public void insertRequested(UUID id, UUID jobId, UUID workspaceId, Trigger trigger, boolean testMode,
            List<Action> actions, Instant requestedAt) {
        db.sql("""
                insert into scheduler_executions (id, job_id, workspace_id, trigger, test_mode, actions, status, scheduled_for)
                values (?, ?, ?, ?, ?, cast(? as pipeline_action[]), ?, ?)""")
                .params(id, jobId, workspaceId, trigger.name().toLowerCase(Locale.ROOT), testMode,
                        new SqlArrayValue("text", actions.stream().map(a -> a.name().toLowerCase(Locale.ROOT)).toArray()),
                        ExecutionStatus.PENDING.value(), Timestamp.from(requestedAt))
                .update();
    }

    /** Newest first: by the instant each was scheduled for (or asked for), then by when it was recorded. */
    public List<ExecutionView> history(UUID jobId, int limit, int offset) {
        return db.sql(VIEW + " where e.job_id = ? order by e.scheduled_for desc nulls last, e.created_at desc, e.id limit ? offset ?")
                .params(jobId, limit, offset).query(this::map).list();
    }

    public java.util.Optional<ExecutionView> find(UUID executionId) {
        return db.sql(VIEW + " where e.id = ?").params(executionId).query(this::map).optional();
    }

    public List<ExecutionView> activities(UUID workspaceId, int limit) {
        return db.sql(VIEW + " where e.workspace_id = ? order by e.created_at desc, e.id limit ?")
                .params(workspaceId, limit).query(this::map).list();
    }

    /** Durations count finished runs (completed, partial, failed); the last execution is the latest scheduled. */
    public ExecutionStats stats(UUID jobId) {
        return db.sql("""
                select count(*) as total,
                       count(*) filter (where status = :completed) as successful,
                       count(*) filter (where status = :failed) as failed,
                       count(*) filter (where status = :partial) as partial,
                       count(*) filter (where status = :missed) as missed,
                       avg(duration_seconds) filter (where status in (:completed, :failed, :partial)) as avg_duration,
                       percentile_cont(0.95) within group (order by duration_seconds)
                           filter (where status in (:completed, :failed, :partial)) as p95_duration,
                       max(coalesce(started_at, scheduled_for, created_at)) as last_execution_at
                from scheduler_executions where job_id = :job""")
                .param("job", jobId).param("completed", ExecutionStatus.COMPLETED.value())
                .param("failed", ExecutionStatus.FAILED.value()).param("partial", ExecutionStatus.PARTIAL.value())
                .param("missed", ExecutionStatus.MISSED.value())
                .query((rs, row) -> {
                    long successful = rs.getLong("successful");
                    long finished = successful + rs.getLong("failed") + rs.getLong("partial");
                    double rate = finished == 0 ? 0 : Math.round(successful * 10_000.0 / finished) / 100.0;
                    Timestamp last = rs.getTimestamp("last_execution_at");
                    return new ExecutionStats(rs.getLong("total"), successful, rs.getLong("failed"), rs.getLong("partial"),
                            rs.getLong("missed"), rate, seconds(rs.getBigDecimal("avg_duration")), seconds(rs.getBigDecimal("p95_duration")),
                            last == null ? null : last.toInstant(), history(jobId, 1, 0).stream().findFirst().map(LastExecution::of).orElse(null));
                }).single();
    }

    private static Double seconds(java.math.BigDecimal value) {
        return value == null ? null : value.setScale(3, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    private ExecutionView map(ResultSet rs, int row) throws SQLException {
        return new ExecutionView(rs.getObject("id", UUID.class), rs.getObject("job_id", UUID.class),
                rs.getObject("workspace_id", UUID.class), rs.getString("job_name"), rs.getString("trigger"),
                rs.getObject("replay_of", UUID.class), rs.getBoolean("test_mode"), strings(rs, "actions"),
                strings(rs, "actions_performed"), rs.getString("status"), instant(rs, "scheduled_for"),
                instant(rs, "started_at"), instant(rs, "completed_at"), rs.getBigDecimal("duration_seconds"),
                tree(rs.getString("scrape_result")), tree(rs.getString("generate_result")), tree(rs.getString("send_result")),
                rs.getString("error_message"), rs.getString("error_code"), rs.getString("failed_stage"),
                tree(rs.getString("error_details")), tree(rs.getString("execution_log")), rs.getInt("replay_count"),
                instant(rs, "parked_at"), instant(rs, "created_at"));
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(Object::toString).toList();
    }

    private JsonNode tree(String text) {
        return text == null ? null : json.readTree(text);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}

package dev.pulse.api.job;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import dev.pulse.api.execution.ExecutionStatus;
import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.JobStatus;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.messages.Schedule;
import dev.pulse.contracts.messages.ScheduleType;

/**
 * scheduler_jobs, read and written with plain SQL. Every write bumps {@code version}; enum values are
 * written as their lower-case names, which the schema's domains accept (StatusSchemaTest).
 */
@Repository
class JobRepository {

    private static final String COLUMNS = """
            id, workspace_id, name, description, schedule_type, schedule_time, schedule_days, interval_seconds,
            anchor_at, cron_expression, timezone, actions, config::text as config, status, status_reason, version, next_run_at,
            last_run_at, last_run_status, last_error, total_runs, successful_runs, failed_runs, created_by,
            created_at, updated_at""";

    private final JdbcClient db;
    private final MessageCodec codec;

    JobRepository(JdbcClient db, MessageCodec codec) {
        this.db = db;
        this.codec = codec;
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} if the name is taken in the workspace. */
    Job insert(UUID id, NewJob job, Instant nextRunAt, UUID createdBy) {
        return db.sql("""
                insert into scheduler_jobs (id, workspace_id, name, description, schedule_type, schedule_time,
                    schedule_days, interval_seconds, anchor_at, cron_expression, timezone, actions, config,
                    status, is_enabled, next_run_at, created_by)
                values (:id, :workspace, :name, :description, :type, :time, cast(:days as week_day[]), :interval,
                    :anchor, :cron, :zone, cast(:actions as pipeline_action[]), cast(:config as jsonb),
                    :status, :enabled, :next, :createdBy)
                returning\s""" + COLUMNS)
                .param("id", id).param("workspace", job.workspaceId()).param("createdBy", createdBy)
                .params(definitionParams(job.draft())).params(statusParams(job.status(), nextRunAt))
                .query(this::map).single();
    }

    /** Replaces the definition and status; throws {@link org.springframework.dao.DuplicateKeyException} on a taken name. */
    Job update(UUID id, JobEdit edit, Instant nextRunAt) {
        return db.sql("""
                update scheduler_jobs set name = :name, description = :description, schedule_type = :type,
                    schedule_time = :time, schedule_days = cast(:days as week_day[]), interval_seconds = :interval,
                    anchor_at = :anchor, cron_expression = :cron, timezone = :zone,
                    actions = cast(:actions as pipeline_action[]), config = cast(:config as jsonb),
                    status_reason = case when status = :status then status_reason end,
                    status_changed_at = case when status = :status then status_changed_at else now() end,
                    status = :status, is_enabled = :enabled, next_run_at = :next,
                    version = version + 1, updated_at = now()
                where id = :id
                returning\s""" + COLUMNS)
                .param("id", id).params(definitionParams(edit.draft())).params(statusParams(edit.status(), nextRunAt))
                .query(this::map).single();
    }

    Job setStatus(UUID id, JobStatus status, Instant nextRunAt) {
        return setStatus(id, status, nextRunAt, null);
    }

    /** A new status, with the reason when Pulse set it; the runs before it no longer count as in a row. */
    Job setStatus(UUID id, JobStatus status, Instant nextRunAt, String reason) {
        return db.sql("""
                update scheduler_jobs set status = :status, is_enabled = :enabled, next_run_at = :next,
                    status_reason = :reason, status_changed_at = now(), version = version + 1, updated_at = now()
                where id = :id
                returning\s""" + COLUMNS)
                .param("id", id).param("reason", reason).params(statusParams(status, nextRunAt))
                .query(this::map).single();
    }

    /**
     * The statuses of the job's latest finished runs since its status last changed, newest first: real
     * runs only (test runs mail nobody but testers), and missed instants are no run.
     */
    List<ExecutionStatus> latestFinishedRuns(UUID id, int limit) {
        return db.sql("""
                select e.status from scheduler_executions e join scheduler_jobs j on j.id = e.job_id
                where e.job_id = ? and e.status in ('completed', 'partial', 'failed') and not e.test_mode
                    and e.created_at >= j.status_changed_at
                order by coalesce(e.scheduled_for, e.created_at) desc, e.created_at desc limit ?""")
                .param(id).param(limit).query((rs, row) -> ExecutionStatus.parse(rs.getString(1))).list();
    }

    /** Deletes the job; returns the version its tombstone supersedes. */
    Optional<Long> delete(UUID id) {
        return db.sql("delete from scheduler_jobs where id = ? returning version").param(id).query(Long.class).optional();
    }

    /** The job, locked against concurrent changes until the transaction ends. */
    Optional<Job> findForUpdate(UUID id) {
        return db.sql("select " + COLUMNS + " from scheduler_jobs where id = ? for update").param(id).query(this::map).optional();
    }

    Optional<Job> find(UUID id) {
        return db.sql("select " + COLUMNS + " from scheduler_jobs where id = ?").param(id).query(this::map).optional();
    }

    /** Newest first, as the original lists them. */
    List<Job> inWorkspace(UUID workspaceId) {
        return db.sql("select " + COLUMNS + " from scheduler_jobs where workspace_id = ? order by created_at desc, id")
                .param(workspaceId).query(this::map).list();
    }

    private Map<String, Object> definitionParams(JobDraft draft) {
        Schedule s = draft.schedule();
        Map<String, Object> params = new HashMap<>();
        params.put("name", draft.name());
        params.put("description", draft.description());
        params.put("type", lower(s.type()));
        params.put("time", s.time() == null ? null : Time.valueOf(s.time()));
        params.put("days", s.type() == ScheduleType.WEEKLY
                ? new SqlArrayValue("text", s.days().stream().map(JobRepository::lower).toArray()) : null);
        params.put("interval", s.intervalSeconds() == null ? null : Math.toIntExact(s.intervalSeconds()));
        params.put("anchor", timestamp(s.anchor()));
        params.put("cron", s.cron());
        params.put("zone", s.timezone().getId());
        params.put("actions", new SqlArrayValue("text", draft.plan().actions().stream().map(JobRepository::lower).toArray()));
        params.put("config", codec.toJson(draft.config()));
        return params;
    }

    private static Map<String, Object> statusParams(JobStatus status, Instant nextRunAt) {
        Map<String, Object> params = new HashMap<>();
        params.put("status", lower(status));
        params.put("enabled", status == JobStatus.ACTIVE);
        params.put("next", timestamp(nextRunAt));
        return params;
    }

    private Job map(ResultSet rs, int row) throws SQLException {
        Time time = rs.getTime("schedule_time");
        Integer interval = rs.getObject("interval_seconds", Integer.class);
        Schedule schedule = new Schedule(ScheduleType.valueOf(upper(rs.getString("schedule_type"))),
                time == null ? null : time.toLocalTime(),
                strings(rs.getArray("schedule_days")).stream().map(d -> DayOfWeek.valueOf(upper(d))).toList(),
                interval == null ? null : interval.longValue(), instant(rs, "anchor_at"), rs.getString("cron_expression"),
                ZoneId.of(rs.getString("timezone")));
        Plan plan = new Plan(strings(rs.getArray("actions")).stream().map(a -> Action.valueOf(upper(a))).toList());
        JobDraft definition = new JobDraft(rs.getString("name"), rs.getString("description"), schedule, plan,
                codec.fromJson(rs.getString("config"), JobConfig.class));
        String lastRunStatus = rs.getString("last_run_status");
        return new Job(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class), definition,
                JobStatus.valueOf(upper(rs.getString("status"))), rs.getString("status_reason"), rs.getLong("version"),
                instant(rs, "next_run_at"), instant(rs, "last_run_at"),
                lastRunStatus == null ? null : ExecutionStatus.parse(lastRunStatus), rs.getString("last_error"),
                rs.getInt("total_runs"), rs.getInt("successful_runs"), rs.getInt("failed_runs"),
                rs.getObject("created_by", UUID.class), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(Object::toString).toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

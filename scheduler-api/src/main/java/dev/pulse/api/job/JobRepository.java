package dev.pulse.api.job;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.JobStatus;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.messages.Schedule;
import dev.pulse.contracts.messages.ScheduleType;

/** scheduler_jobs, read and written with plain SQL. Every write bumps {@code version}. */
@Repository
class JobRepository {

    private static final String COLUMNS = """
            id, workspace_id, name, description, schedule_type, schedule_time, schedule_days, interval_seconds,
            anchor_at, cron_expression, timezone, actions, config::text as config, status, version, next_run_at,
            last_run_at, total_runs, successful_runs, failed_runs, created_by, created_at, updated_at""";

    private final JdbcClient db;
    private final MessageCodec codec;

    JobRepository(JdbcClient db, MessageCodec codec) {
        this.db = db;
        this.codec = codec;
    }

    Job insert(UUID id, UUID workspaceId, JobDraft draft, Instant nextRunAt, UUID createdBy) {
        Schedule s = draft.schedule();
        return db.sql("""
                insert into scheduler_jobs (id, workspace_id, name, description, schedule_type, schedule_time,
                    schedule_days, interval_seconds, anchor_at, cron_expression, timezone, actions, config,
                    status, is_enabled, next_run_at, created_by)
                values (:id, :workspace, :name, :description, :type, :time, cast(:days as week_day[]), :interval,
                    :anchor, :cron, :zone, cast(:actions as pipeline_action[]), cast(:config as jsonb),
                    'active', true, :next, :createdBy)
                returning """ + " " + COLUMNS)
                .param("id", id).param("workspace", workspaceId).param("createdBy", createdBy)
                .params(definitionParams(draft, s)).param("next", timestamp(nextRunAt))
                .query(this::map).single();
    }

    Job update(UUID id, JobDraft draft, Instant nextRunAt) {
        Schedule s = draft.schedule();
        return db.sql("""
                update scheduler_jobs set name = :name, description = :description, schedule_type = :type,
                    schedule_time = :time, schedule_days = cast(:days as week_day[]), interval_seconds = :interval,
                    anchor_at = :anchor, cron_expression = :cron, timezone = :zone,
                    actions = cast(:actions as pipeline_action[]), config = cast(:config as jsonb),
                    next_run_at = case when status = 'active' then :next else next_run_at end,
                    version = version + 1, updated_at = now()
                where id = :id
                returning """ + " " + COLUMNS)
                .param("id", id).params(definitionParams(draft, s)).param("next", timestamp(nextRunAt))
                .query(this::map).single();
    }

    Job setStatus(UUID id, JobStatus status, Instant nextRunAt) {
        return db.sql("""
                update scheduler_jobs set status = :status, is_enabled = :enabled, next_run_at = :next,
                    version = version + 1, updated_at = now()
                where id = :id
                returning """ + " " + COLUMNS)
                .param("id", id).param("status", status.name().toLowerCase(Locale.ROOT))
                .param("enabled", status == JobStatus.ACTIVE).param("next", timestamp(nextRunAt))
                .query(this::map).single();
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

    List<Job> inWorkspace(UUID workspaceId) {
        return db.sql("select " + COLUMNS + " from scheduler_jobs where workspace_id = ? order by created_at, id")
                .param(workspaceId).query(this::map).list();
    }

    private java.util.Map<String, Object> definitionParams(JobDraft draft, Schedule s) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("name", draft.name());
        params.put("description", draft.description());
        params.put("type", s.type().name().toLowerCase(Locale.ROOT));
        params.put("time", s.time() == null ? null : Time.valueOf(s.time()));
        params.put("days", s.type() == ScheduleType.WEEKLY
                ? new SqlArrayValue("text", s.days().stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toArray()) : null);
        params.put("interval", s.intervalSeconds() == null ? null : s.intervalSeconds().intValue());
        params.put("anchor", timestamp(s.anchor()));
        params.put("cron", s.cron());
        params.put("zone", s.timezone().getId());
        params.put("actions", new SqlArrayValue("text",
                draft.plan().actions().stream().map(a -> a.name().toLowerCase(Locale.ROOT)).toArray()));
        params.put("config", codec.toJson(draft.config()));
        return params;
    }

    private Job map(ResultSet rs, int row) throws SQLException {
        ScheduleType type = ScheduleType.valueOf(rs.getString("schedule_type").toUpperCase(Locale.ROOT));
        Time time = rs.getTime("schedule_time");
        long interval = rs.getLong("interval_seconds");
        Schedule schedule = new Schedule(type, time == null ? null : time.toLocalTime(),
                strings(rs.getArray("schedule_days")).stream().map(d -> DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT))).toList(),
                rs.wasNull() ? null : interval, instant(rs, "anchor_at"), rs.getString("cron_expression"),
                ZoneId.of(rs.getString("timezone")));
        Plan plan = new Plan(strings(rs.getArray("actions")).stream().map(a -> Action.valueOf(a.toUpperCase(Locale.ROOT))).toList());
        JobDraft definition = new JobDraft(rs.getString("name"), rs.getString("description"), schedule, plan,
                codec.fromJson(rs.getString("config"), JobConfig.class));
        return new Job(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class), definition,
                JobStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getLong("version"),
                instant(rs, "next_run_at"), instant(rs, "last_run_at"), rs.getInt("total_runs"),
                rs.getInt("successful_runs"), rs.getInt("failed_runs"), rs.getObject("created_by", UUID.class),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(Object::toString).toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static java.sql.Timestamp timestamp(Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }
}

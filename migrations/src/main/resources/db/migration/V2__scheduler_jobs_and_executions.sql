-- Owner: scheduler-api (jobs; executions are folded in by its execution tracker).

CREATE DOMAIN schedule_type AS text
    CHECK (VALUE IN ('daily', 'weekly', 'custom', 'cron'));

CREATE DOMAIN job_status AS text
    CHECK (VALUE IN ('active', 'paused', 'disabled', 'failed'));

CREATE DOMAIN pipeline_action AS text
    CHECK (VALUE IN ('scrape', 'generate', 'send'));

CREATE DOMAIN week_day AS text
    CHECK (VALUE IN ('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'));

CREATE DOMAIN execution_trigger AS text
    CHECK (VALUE IN ('schedule', 'manual', 'replay'));

CREATE DOMAIN execution_status AS text
    CHECK (VALUE IN ('pending', 'running', 'completed', 'partial', 'failed', 'missed'));

CREATE TABLE scheduler_jobs (
    id               uuid PRIMARY KEY,
    workspace_id     uuid          NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name             text          NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description      text          CHECK (length(description) <= 2000),
    schedule_type    schedule_type NOT NULL,
    schedule_time    time,
    schedule_days    week_day[],
    interval_seconds integer       CHECK (interval_seconds >= 60),
    anchor_at        timestamptz,
    cron_expression  text,
    timezone         text          NOT NULL DEFAULT 'UTC',
    actions          pipeline_action[] NOT NULL CHECK (cardinality(actions) BETWEEN 1 AND 3),
    config           jsonb         NOT NULL DEFAULT '{}'::jsonb,
    status           job_status    NOT NULL DEFAULT 'active',
    is_enabled       boolean       NOT NULL DEFAULT true,
    version          bigint        NOT NULL DEFAULT 1 CHECK (version >= 1),
    next_run_at      timestamptz,
    last_run_at      timestamptz,
    total_runs       integer       NOT NULL DEFAULT 0 CHECK (total_runs >= 0),
    successful_runs  integer       NOT NULL DEFAULT 0 CHECK (successful_runs >= 0),
    failed_runs      integer       NOT NULL DEFAULT 0 CHECK (failed_runs >= 0),
    created_by       uuid          REFERENCES users (id) ON DELETE SET NULL,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT scheduler_jobs_name_key UNIQUE (workspace_id, name),
    -- status and is_enabled never disagree: only an active job is enabled.
    CONSTRAINT scheduler_jobs_enabled_matches_status CHECK (is_enabled = (status = 'active')),
    CONSTRAINT scheduler_jobs_schedule_fields CHECK (
        CASE schedule_type
            WHEN 'daily'  THEN schedule_time IS NOT NULL
            WHEN 'weekly' THEN schedule_time IS NOT NULL AND cardinality(schedule_days) >= 1
            WHEN 'custom' THEN interval_seconds IS NOT NULL AND anchor_at IS NOT NULL
            WHEN 'cron'   THEN cron_expression IS NOT NULL AND length(cron_expression) > 0
        END)
);
CREATE INDEX scheduler_jobs_workspace_idx ON scheduler_jobs (workspace_id, created_at DESC);
CREATE INDEX scheduler_jobs_created_by_idx ON scheduler_jobs (created_by);

CREATE TABLE scheduler_executions (
    id               uuid PRIMARY KEY,
    job_id           uuid              NOT NULL REFERENCES scheduler_jobs (id) ON DELETE CASCADE,
    workspace_id     uuid              NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    trigger          execution_trigger NOT NULL,
    replay_of        uuid,
    test_mode        boolean           NOT NULL DEFAULT false,
    actions          pipeline_action[] NOT NULL,
    status           execution_status  NOT NULL DEFAULT 'pending',
    scheduled_for    timestamptz,
    started_at       timestamptz,
    completed_at     timestamptz,
    duration_seconds numeric(12, 3)    CHECK (duration_seconds >= 0),
    scrape_result    jsonb,
    generate_result  jsonb,
    send_result      jsonb,
    error_message    text,
    error_details    jsonb,
    logs             jsonb             NOT NULL DEFAULT '[]'::jsonb,
    created_at       timestamptz       NOT NULL DEFAULT now(),
    updated_at       timestamptz       NOT NULL DEFAULT now(),
    CONSTRAINT scheduler_executions_completion_after_start CHECK (completed_at IS NULL OR started_at IS NULL OR completed_at >= started_at)
);
-- history: newest first per job; activity feed: newest first per workspace; stats: per job and status.
CREATE INDEX scheduler_executions_job_idx ON scheduler_executions (job_id, created_at DESC);
CREATE INDEX scheduler_executions_workspace_idx ON scheduler_executions (workspace_id, created_at DESC);
CREATE INDEX scheduler_executions_job_status_idx ON scheduler_executions (job_id, status);

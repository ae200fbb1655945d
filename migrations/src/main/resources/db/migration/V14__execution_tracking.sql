-- Owner: scheduler-api (its execution tracker and replay).

-- What the tracker has seen of an execution, event by event (per stage: the latest result, the latest
-- failure, where its input is on the topics; the log lines by event): the visible columns are derived
-- from it, so folding the same events in any order, any number of times, writes the same row. It is
-- the tracker's own JSON, never queried in SQL: text, so PostgreSQL does not parse it on every write.
ALTER TABLE scheduler_executions
    ADD COLUMN fold_state   text            NOT NULL DEFAULT '{}',
    ADD COLUMN error_code   text            CHECK (length(error_code) <= 100),
    ADD COLUMN failed_stage pipeline_action,
    ADD COLUMN replay_count integer         NOT NULL DEFAULT 0 CHECK (replay_count >= 0),
    ADD COLUMN parked_at    timestamptz;

-- The job's latest run (last_run_status, last_error) is the execution scheduled latest.
CREATE INDEX scheduler_executions_job_scheduled_idx ON scheduler_executions (job_id, scheduled_for DESC NULLS LAST);

-- The row is rewritten once per event of its execution: room in its page lets most of those updates
-- stay in place (heap-only, no index writes) when no indexed column changes.
ALTER TABLE scheduler_executions SET (fillfactor = 70);

-- An execution is read by job through the index above (history by scheduled_for, stats, the latest
-- run) and by workspace for activities. Without status in any index, the update each event makes
-- (status, results, log) changes no indexed column and stays in its page with no index writes.
DROP INDEX scheduler_executions_job_idx;
DROP INDEX scheduler_executions_job_status_idx;

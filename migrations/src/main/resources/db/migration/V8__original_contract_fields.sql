-- Owner: scheduler-api. Fields of the original scheduler's models that Pulse did not store yet.

-- The outcome of the job's latest finished execution, as the execution tracker records it.
ALTER TABLE scheduler_jobs
    ADD COLUMN last_run_status execution_status,
    ADD COLUMN last_error      text CHECK (length(last_error) <= 4000);

-- What actually ran, in order (the plan is in actions); the log keeps the original's name.
ALTER TABLE scheduler_executions
    ADD COLUMN actions_performed pipeline_action[] NOT NULL DEFAULT '{}';
ALTER TABLE scheduler_executions RENAME COLUMN logs TO execution_log;

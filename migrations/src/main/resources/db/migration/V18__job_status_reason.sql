-- Why a job stopped when Pulse, not a user, stopped it: status 'failed' after too many runs failed in a
-- row (docs/api.md, "When Pulse stops a job"). Any change of status clears it. status_changed_at bounds
-- "in a row": runs created before the last change of status (a resume) do not count.
ALTER TABLE scheduler_jobs
    ADD COLUMN status_reason text CHECK (length(status_reason) <= 2000),
    ADD COLUMN status_changed_at timestamptz NOT NULL DEFAULT now();

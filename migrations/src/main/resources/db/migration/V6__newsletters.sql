-- Owner: action-generate.

CREATE TABLE newsletters (
    id           uuid PRIMARY KEY,
    execution_id uuid        NOT NULL,
    job_id       uuid        NOT NULL,
    workspace_id uuid        NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    subject      text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 998),
    html_body    text        NOT NULL,
    text_body    text        NOT NULL,
    item_count   integer     NOT NULL CHECK (item_count >= 0),
    test_mode    boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    -- One newsletter per execution: a redelivered ContentScraped finds the one already made.
    CONSTRAINT newsletters_execution_key UNIQUE (execution_id)
);
CREATE INDEX newsletters_workspace_idx ON newsletters (workspace_id, created_at DESC);

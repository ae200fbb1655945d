-- Owner: action-scrape.

CREATE DOMAIN source_type AS text
    CHECK (VALUE IN ('rss', 'atom', 'reddit'));

CREATE DOMAIN fetch_outcome AS text
    CHECK (VALUE IN ('fetched', 'not_modified', 'failed'));

CREATE TABLE content_items (
    id           uuid PRIMARY KEY,
    execution_id uuid        NOT NULL,
    job_id       uuid        NOT NULL,
    workspace_id uuid        NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    source_type  source_type NOT NULL,
    source_url   text        NOT NULL,
    url          text        NOT NULL,
    title        text        NOT NULL,
    summary      text,
    author       text,
    published_at timestamptz,
    score        double precision NOT NULL DEFAULT 0,
    fetched_at   timestamptz NOT NULL DEFAULT now(),
    -- A redelivered JobDue scrapes into the same rows, not a second result.
    CONSTRAINT content_items_execution_url_key UNIQUE (execution_id, url)
);
CREATE INDEX content_items_workspace_published_idx ON content_items (workspace_id, published_at DESC);

CREATE TABLE feed_fetch_state (
    source_url           text PRIMARY KEY,
    etag                 text,
    last_modified        text,
    last_outcome         fetch_outcome,
    last_fetched_at      timestamptz,
    last_error           text,
    consecutive_failures integer NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
    next_fetch_not_before timestamptz
);

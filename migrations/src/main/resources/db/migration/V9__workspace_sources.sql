-- Owner: scheduler-api (users add them through the API); action-scrape reads them when a run starts.
-- The feeds a workspace reads, as in the original: a job's config.sources picks types out of them.

-- source_type (V5) gains the original's other readable types.
ALTER DOMAIN source_type DROP CONSTRAINT source_type_check;
ALTER DOMAIN source_type ADD CONSTRAINT source_type_check CHECK (VALUE IN ('rss', 'atom', 'reddit', 'blog', 'youtube'));

CREATE TABLE workspace_sources (
    id           uuid PRIMARY KEY,
    workspace_id uuid        NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    type         source_type NOT NULL,
    name         text        CHECK (length(name) BETWEEN 1 AND 200),
    -- rss, atom, blog: the feed or page URL; youtube: the channel's URL (by id or @handle)
    url          text        CHECK (length(url) BETWEEN 1 AND 2048),
    subreddit    text        CHECK (subreddit ~ '^[A-Za-z0-9_]{2,21}$'),
    sort         text        CHECK (sort IN ('hot', 'new', 'top', 'rising')),
    time_window  text        CHECK (time_window IN ('hour', 'day', 'week', 'month', 'year', 'all')),
    item_limit   integer     CHECK (item_limit BETWEEN 1 AND 100),
    created_by   uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT workspace_sources_fields CHECK (
        CASE type
            WHEN 'reddit' THEN subreddit IS NOT NULL AND url IS NULL
            ELSE url IS NOT NULL AND subreddit IS NULL AND sort IS NULL AND time_window IS NULL
        END)
);
-- One source once per workspace: a URL exactly, a subreddit in any case.
CREATE UNIQUE INDEX workspace_sources_key ON workspace_sources (workspace_id, type, coalesce(url, lower(subreddit)));
CREATE INDEX workspace_sources_created_by_idx ON workspace_sources (created_by);

-- Owner: action-scrape. Replaces V5's per-execution items: a feed is stored once however many
-- workspaces read it, each of its items once, and an execution keeps only its selection.

DROP TABLE content_items;
DROP TABLE feed_fetch_state;

ALTER DOMAIN fetch_outcome DROP CONSTRAINT fetch_outcome_check;
ALTER DOMAIN fetch_outcome ADD CONSTRAINT fetch_outcome_check
    CHECK (VALUE IN ('fetched', 'not_modified', 'reused', 'failed'));

CREATE TABLE feeds (
    id                    uuid PRIMARY KEY,
    -- the canonical feed URL, or reddit:<subreddit>/<sort>/<time window> for a listing
    feed_key              text        NOT NULL UNIQUE CHECK (length(feed_key) BETWEEN 1 AND 2100),
    source_type           source_type NOT NULL,
    title                 text,
    etag                  text,
    last_modified         text,
    last_outcome          fetch_outcome,
    last_fetched_at       timestamptz,
    last_error            text,
    consecutive_failures  integer     NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
    -- how many items the document held when last read (a reuse reports it)
    last_item_count       integer     NOT NULL DEFAULT 0 CHECK (last_item_count >= 0),
    -- a fetch before this is not made: backoff after failures, or the server's Retry-After
    next_fetch_not_before timestamptz,
    -- a fetch before this reuses the stored items (the freshness window, or the feed's max-age)
    fresh_until           timestamptz,
    created_at            timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE feed_items (
    id            uuid PRIMARY KEY,
    feed_id       uuid        NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    -- the GUID (Reddit: the post's fullname), else the canonical URL
    item_key      text        NOT NULL,
    guid          text,
    url           text        NOT NULL,
    title         text        NOT NULL,
    summary       text,
    author        text,
    published_at  timestamptz,
    image_url     text,
    score         double precision NOT NULL DEFAULT 0,
    comments      integer     NOT NULL DEFAULT 0,
    first_seen_at timestamptz NOT NULL,
    -- an item without a date counts from when it was first seen
    sort_at       timestamptz GENERATED ALWAYS AS (coalesce(published_at, first_seen_at)) STORED,
    CONSTRAINT feed_items_key UNIQUE (feed_id, item_key)
);
CREATE INDEX feed_items_feed_sort_idx ON feed_items (feed_id, sort_at DESC);

-- Which feeds a workspace's runs read, so generate can find a workspace's stored items.
CREATE TABLE workspace_feeds (
    workspace_id uuid        NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    feed_id      uuid        NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    last_read_at timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, feed_id)
);
CREATE INDEX workspace_feeds_feed_idx ON workspace_feeds (feed_id);

-- A blog page's feed, found once by autodiscovery and remembered.
CREATE TABLE discovered_feeds (
    page_url      text PRIMARY KEY,
    feed_url      text        NOT NULL,
    discovered_at timestamptz NOT NULL
);

-- One result per execution: a redelivered JobDue answers with it instead of selecting again.
CREATE TABLE scrape_results (
    execution_id     uuid PRIMARY KEY,
    workspace_id     uuid        NOT NULL,
    job_id           uuid        NOT NULL,
    -- the input it answered; a replay (another input) scrapes again and replaces it
    input_message_id uuid        NOT NULL,
    result           jsonb       NOT NULL,
    created_at       timestamptz NOT NULL
);

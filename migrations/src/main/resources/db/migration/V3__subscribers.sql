-- Owner: scheduler-api. action-send reads it; nobody else writes it.

CREATE DOMAIN subscriber_status AS text
    CHECK (VALUE IN ('active', 'unsubscribed', 'bounced'));

CREATE TABLE subscribers (
    id              uuid PRIMARY KEY,
    workspace_id    uuid              NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    email           text              NOT NULL CHECK (length(email) BETWEEN 3 AND 320 AND position('@' IN email) > 1),
    name            text              CHECK (length(name) <= 200),
    status          subscriber_status NOT NULL DEFAULT 'active',
    created_at      timestamptz       NOT NULL DEFAULT now(),
    unsubscribed_at timestamptz,
    CONSTRAINT subscribers_unsubscribed_at_matches_status CHECK ((status = 'unsubscribed') = (unsubscribed_at IS NOT NULL))
);
CREATE UNIQUE INDEX subscribers_workspace_email_key ON subscribers (workspace_id, lower(email));
-- action-send walks the active list of one workspace in id order.
CREATE INDEX subscribers_active_idx ON subscribers (workspace_id, id) WHERE status = 'active';

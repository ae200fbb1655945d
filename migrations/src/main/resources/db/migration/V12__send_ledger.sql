-- Owner: action-send. One send per newsletter, fixed when it starts, and the ledger made fit for
-- claiming by several instances. action-send also writes one column it does not own: a 5xx answer
-- sets subscribers.status to 'bounced', so later newsletters leave the address out.

-- A subscriber who unsubscribed or bounced after the list was fixed is skipped, not mailed.
ALTER DOMAIN delivery_status DROP CONSTRAINT delivery_status_check;
ALTER DOMAIN delivery_status ADD CONSTRAINT delivery_status_check
    CHECK (VALUE IN ('pending', 'sending', 'sent', 'deferred', 'bounced', 'failed', 'skipped'));

-- What every instance working on a send needs, copied once when it starts, so helpers and replays mail
-- exactly what the first instance began with.
CREATE TABLE sends (
    newsletter_id   uuid        PRIMARY KEY REFERENCES newsletters (id) ON DELETE CASCADE,
    execution_id    uuid        NOT NULL,
    workspace_id    uuid        NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    test_mode       boolean     NOT NULL,
    subject         text        NOT NULL,
    html_body       text        NOT NULL,
    text_body       text        NOT NULL,
    from_address    text        NOT NULL,
    from_name       text,
    reply_to        text,
    -- subscribers of the workspace when the send started that were not active: counted as skipped
    inactive        integer     NOT NULL CHECK (inactive >= 0),
    started_at      timestamptz NOT NULL DEFAULT now(),
    -- the instance that owns the send renews this while it works; helpers join only sends renewed lately
    heartbeat_at    timestamptz NOT NULL DEFAULT now(),
    completed_at    timestamptz,
    -- the outcome, kept so a redelivered input gets the same NewsletterSent
    outcome         jsonb,
    CONSTRAINT sends_execution_key UNIQUE (execution_id),
    CONSTRAINT sends_outcome_when_completed CHECK ((completed_at IS NULL) = (outcome IS NULL))
);
CREATE INDEX sends_open_idx ON sends (heartbeat_at) WHERE completed_at IS NULL;
-- Deleting a workspace cascades here.
CREATE INDEX sends_workspace_idx ON sends (workspace_id);

-- Test-mode recipients are the job's test emails, not subscribers.
ALTER TABLE deliveries
    ALTER COLUMN subscriber_id DROP NOT NULL,
    -- the instance (one id per process start) holding a row in 'sending'; its claim lapses after the lease
    ADD COLUMN claimed_by uuid,
    -- 4xx answers so far
    ADD COLUMN deferrals  integer NOT NULL DEFAULT 0 CHECK (deferrals >= 0),
    -- connections lost after the final dot, before the reply
    ADD COLUMN ambiguous  integer NOT NULL DEFAULT 0 CHECK (ambiguous >= 0),
    ADD CONSTRAINT deliveries_claimed_when_sending CHECK ((status = 'sending') = (claimed_by IS NOT NULL));
CREATE UNIQUE INDEX deliveries_newsletter_email_key ON deliveries (newsletter_id, lower(email));
-- The optional cap per sliding window counts what was sent lately, across every instance.
CREATE INDEX deliveries_sent_at_idx ON deliveries (sent_at) WHERE sent_at IS NOT NULL;

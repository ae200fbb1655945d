-- Owner: action-send. The per-recipient ledger: one row per (newsletter, subscriber).

CREATE DOMAIN delivery_status AS text
    CHECK (VALUE IN ('pending', 'sending', 'sent', 'deferred', 'bounced', 'failed'));

CREATE TABLE deliveries (
    id              uuid PRIMARY KEY,
    newsletter_id   uuid            NOT NULL REFERENCES newsletters (id) ON DELETE CASCADE,
    subscriber_id   uuid            NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    execution_id    uuid            NOT NULL,
    email           text            NOT NULL,
    -- Stable per (newsletter, subscriber), so a resend after a crash is recognisable downstream.
    message_id      text            NOT NULL,
    status          delivery_status NOT NULL DEFAULT 'pending',
    attempts        integer         NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    smtp_code       integer         CHECK (smtp_code BETWEEN 200 AND 599),
    last_error      text,
    next_attempt_at timestamptz     NOT NULL DEFAULT now(),
    claimed_at      timestamptz,
    sent_at         timestamptz,
    created_at      timestamptz     NOT NULL DEFAULT now(),
    CONSTRAINT deliveries_newsletter_subscriber_key UNIQUE (newsletter_id, subscriber_id),
    CONSTRAINT deliveries_message_id_key UNIQUE (message_id),
    CONSTRAINT deliveries_sent_at_matches_status CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
-- Claiming work: the due rows of one newsletter (FOR UPDATE SKIP LOCKED).
CREATE INDEX deliveries_claim_idx ON deliveries (newsletter_id, next_attempt_at)
    WHERE status IN ('pending', 'deferred', 'sending');
-- Deleting a subscriber cascades here.
CREATE INDEX deliveries_subscriber_idx ON deliveries (subscriber_id);

-- Owner: scheduler-api. Messages written in the same transaction as the change they describe,
-- published to Kafka by the relay afterwards (transactional outbox).

CREATE TABLE outbox (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic         text        NOT NULL CHECK (length(topic) > 0),
    message_key   text        NOT NULL,
    -- NULL payload is a Kafka tombstone (a deleted job on the compacted jobs topic).
    payload       bytea,
    aggregate_id  uuid        NOT NULL,
    aggregate_version bigint  CHECK (aggregate_version >= 1),
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz
);
-- The relay reads the unpublished rows in insertion order.
CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL;

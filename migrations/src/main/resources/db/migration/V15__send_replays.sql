-- Owner: action-send. A replay of a finished send tries again the recipients whose 4xx retries ran out.
-- The replay input that reopened the send is kept, so the same replay delivered twice reopens it once.
ALTER TABLE sends ADD COLUMN reopened_by uuid;

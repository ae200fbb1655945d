-- Owner: action-scrape. Storing a feed's new items was most of PostgreSQL's work in a scrape run
-- (measured in docs/benchmarks.md). Two of an item row's four checks guarded nothing the writer does
-- not already guarantee:
--  * the foreign key to feeds: the only writer inserts a feed's items in the statement that upserts
--    the feed, taking feed_id from it; its per-row check (a FOR KEY SHARE lookup of the feed) was
--    about 40 % of an item's insert;
--  * the unique index on id: an item's id is the name-based UUID of its feed's key and its own key,
--    so it is unique wherever (feed_id, item_key) is. Nothing reads an item by id alone.
-- (feed_id, item_key) becomes the key. Deleting a feed still deletes its items, once per statement.

ALTER TABLE feed_items DROP CONSTRAINT feed_items_feed_id_fkey;
ALTER TABLE feed_items DROP CONSTRAINT feed_items_key;
ALTER TABLE feed_items DROP CONSTRAINT feed_items_pkey;
ALTER TABLE feed_items ADD CONSTRAINT feed_items_pkey PRIMARY KEY (feed_id, item_key);

CREATE FUNCTION delete_items_of_deleted_feeds() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM feed_items i USING deleted_feeds d WHERE i.feed_id = d.id;
    RETURN NULL;
END $$;

CREATE TRIGGER feeds_delete_items AFTER DELETE ON feeds
    REFERENCING OLD TABLE AS deleted_feeds FOR EACH STATEMENT EXECUTE FUNCTION delete_items_of_deleted_feeds();

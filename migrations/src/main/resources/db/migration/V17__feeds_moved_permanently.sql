-- Where a feed now lives when its URL answered with permanent redirects (301/308) only: fetched there
-- from then on, so a lapsed old domain (and whoever takes it over) no longer decides what the feed says.
-- The feed keeps its key (its identity, what workspaces name); null = fetched at its key.
ALTER TABLE feeds ADD COLUMN fetch_url text;

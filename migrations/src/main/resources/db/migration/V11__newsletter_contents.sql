-- Owner: action-generate. What a newsletter is made of, so a redelivery or a replay answers with the
-- same one, and later newsletters of the workspace leave its items out.

ALTER TABLE newsletters
    ADD COLUMN preheader text,
    -- the scraped items it shows (feed_items ids)
    ADD COLUMN item_ids  uuid[]  NOT NULL DEFAULT '{}',
    ADD COLUMN llm_used  boolean NOT NULL DEFAULT false,
    -- the language model's accepted rewrite, kept so the newsletter can be rebuilt without asking again
    ADD COLUMN llm_output jsonb,
    -- why the model's text was not used, when one was asked
    ADD COLUMN llm_fallback text;

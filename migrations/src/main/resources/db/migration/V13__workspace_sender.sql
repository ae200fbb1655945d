-- Owner: scheduler-api. action-send reads it: whom a workspace's newsletters are from and where replies go.
-- Null means the service's default From (sender_email, sender_name) and no Reply-To (reply_to). The API
-- checks the addresses in full; the table keeps out what would break a mail header even so.

ALTER TABLE workspaces
    ADD COLUMN sender_email text CHECK (length(sender_email) BETWEEN 3 AND 320 AND position('@' IN sender_email) > 1
                                        AND sender_email !~ '[\r\n]'),
    ADD COLUMN sender_name  text CHECK (length(sender_name) <= 200 AND sender_name !~ '[\r\n]'),
    ADD COLUMN reply_to     text CHECK (length(reply_to) BETWEEN 3 AND 320 AND position('@' IN reply_to) > 1
                                        AND reply_to !~ '[\r\n]');

-- Owner: scheduler-api. Who may do what in which workspace.

CREATE DOMAIN member_role AS text
    CHECK (VALUE IN ('owner', 'editor', 'viewer'));

CREATE TABLE users (
    id           uuid PRIMARY KEY,
    email        text        NOT NULL CHECK (length(email) BETWEEN 3 AND 320 AND position('@' IN email) > 1),
    display_name text        NOT NULL DEFAULT '' CHECK (length(display_name) <= 200),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE workspaces (
    id         uuid PRIMARY KEY,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_by uuid        NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE workspace_members (
    workspace_id uuid        NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role         member_role NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, user_id)
);
-- "Which workspaces am I in?" is asked on every request.
CREATE INDEX workspace_members_user_idx ON workspace_members (user_id);
CREATE INDEX workspaces_created_by_idx ON workspaces (created_by);

-- Accounts (issue 14): people, their memberships in orgs with a role, invitations, projects,
-- sign-in sessions (one refresh-token family each), password resets and the JWT signing keys.
-- Times are epoch milliseconds. Local mode's implicit owner is user 1, owner of org 1 ('local').
CREATE TABLE users (
    id             BIGSERIAL PRIMARY KEY,
    email          TEXT    UNIQUE,
    display_name   TEXT    NOT NULL,
    password_hash  TEXT,
    email_verified BIGINT  NOT NULL DEFAULT 0,
    created_at     BIGINT  NOT NULL,
    deleted_at     BIGINT
);

INSERT INTO users (id, email, display_name, created_at)
VALUES (1, NULL, 'Local owner', (extract(epoch from now()) * 1000)::bigint);

CREATE TABLE memberships (
    org_id     BIGINT  NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    user_id    BIGINT  NOT NULL REFERENCES users (id),
    role       TEXT    NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
    created_at BIGINT  NOT NULL,
    PRIMARY KEY (org_id, user_id)
);

CREATE INDEX memberships_by_user ON memberships (user_id);

INSERT INTO memberships (org_id, user_id, role, created_at)
VALUES (1, 1, 'owner', (extract(epoch from now()) * 1000)::bigint);

-- The local owner's keys were made before users existed.
UPDATE api_keys SET user_id = '1' WHERE user_id = 'local-owner';

CREATE TABLE invitations (
    id          BIGSERIAL PRIMARY KEY,
    org_id      BIGINT  NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    email       TEXT    NOT NULL,
    role        TEXT    NOT NULL CHECK (role IN ('admin', 'member', 'viewer')),
    code_hash   TEXT    NOT NULL UNIQUE,
    invited_by  BIGINT  NOT NULL,
    created_at  BIGINT  NOT NULL,
    expires_at  BIGINT  NOT NULL,
    accepted_at BIGINT,
    accepted_by BIGINT,
    revoked_at  BIGINT
);

CREATE INDEX invitations_by_org ON invitations (org_id, id);

CREATE TABLE projects (
    id          BIGSERIAL PRIMARY KEY,
    org_id      BIGINT  NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    name        TEXT    NOT NULL,
    description TEXT    NOT NULL DEFAULT '',
    created_by  BIGINT  NOT NULL,
    created_at  BIGINT  NOT NULL,
    archived_at BIGINT,
    UNIQUE (org_id, name),
    UNIQUE (org_id, id)
);

CREATE TABLE project_members (
    org_id     BIGINT  NOT NULL,
    project_id BIGINT  NOT NULL,
    user_id    BIGINT  NOT NULL REFERENCES users (id),
    role       TEXT    NOT NULL CHECK (role IN ('lead', 'member')),
    created_at BIGINT  NOT NULL,
    PRIMARY KEY (project_id, user_id),
    FOREIGN KEY (org_id, project_id) REFERENCES projects (org_id, id) ON DELETE CASCADE
);

-- One row per sign-in: the refresh-token family. Only the current refresh secret's SHA-256 is
-- kept; presenting any other secret of the family revokes it (reuse detection).
CREATE TABLE auth_sessions (
    id           TEXT    PRIMARY KEY,
    user_id      BIGINT  NOT NULL REFERENCES users (id),
    org_id       BIGINT  NOT NULL,
    refresh_hash TEXT    NOT NULL,
    user_agent   TEXT,
    ip           TEXT,
    created_at   BIGINT  NOT NULL,
    last_used_at BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL,
    revoked_at   BIGINT,
    revoke_reason TEXT
);

CREATE INDEX auth_sessions_by_user ON auth_sessions (user_id, created_at);

CREATE TABLE password_resets (
    code_hash  TEXT    PRIMARY KEY,
    user_id    BIGINT  NOT NULL REFERENCES users (id),
    created_at BIGINT  NOT NULL,
    expires_at BIGINT  NOT NULL,
    used_at    BIGINT
);

-- HMAC keys of access tokens, encrypted (AES-GCM) under the install's secret key. The newest is
-- used to sign; older ones verify until the tokens they signed have expired.
CREATE TABLE signing_keys (
    kid        TEXT   PRIMARY KEY,
    sealed     TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);

-- Sign-ins through GitHub, Google or GitLab, linked to a user.
CREATE TABLE oauth_identities (
    provider   TEXT    NOT NULL,
    subject    TEXT    NOT NULL,
    user_id    BIGINT  NOT NULL REFERENCES users (id),
    email      TEXT,
    created_at BIGINT  NOT NULL,
    PRIMARY KEY (provider, subject)
);

-- The local owner was inserted with an explicit id.
SELECT setval('users_id_seq', (SELECT max(id) FROM users));

-- API keys (issue 14): "atl_" + a public prefix + a secret shown once. Only the secret's SHA-256
-- is kept (the secret is 32 random bytes, so a fast hash is enough). Scopes narrow what the owner
-- may do; times are epoch milliseconds; a revoked key keeps its row for the audit trail.
CREATE TABLE api_keys (
    id           INTEGER PRIMARY KEY,
    org_id       BIGINT  NOT NULL,
    user_id      TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    prefix       TEXT    NOT NULL UNIQUE,
    secret_hash  TEXT    NOT NULL,
    scopes       TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    expires_at   BIGINT,
    last_used_at BIGINT,
    revoked_at   BIGINT
);

CREATE INDEX api_keys_by_org ON api_keys (org_id, id);

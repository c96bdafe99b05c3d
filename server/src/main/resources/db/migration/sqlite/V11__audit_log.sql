-- The audit trail (issue 14): one append-only row per mutation and security event, with seed
-- 004's fields plus who acted (actor_type), the request it came from and the caller's address.
-- Rows are never updated or deleted through the application; the triggers refuse both.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL,
    entity_type TEXT    NOT NULL,
    entity_id   TEXT,
    user_id     TEXT,
    actor_type  TEXT    NOT NULL CHECK (actor_type IN ('user', 'agent', 'api_key', 'system')),
    action      TEXT    NOT NULL,
    old_values  TEXT,
    new_values  TEXT,
    request_id  TEXT,
    ip          TEXT,
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE INDEX audit_log_by_org ON audit_log (org_id, id DESC);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END;

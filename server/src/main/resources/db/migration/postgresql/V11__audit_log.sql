-- The audit trail (issue 14): one append-only row per mutation and security event, with seed
-- 004's fields plus who acted (actor_type), the request it came from and the caller's address.
-- Rows are never updated or deleted through the application; the trigger refuses both.
CREATE TABLE audit_log (
    id          BIGSERIAL PRIMARY KEY,
    org_id      BIGINT      NOT NULL,
    entity_type TEXT        NOT NULL,
    entity_id   TEXT,
    user_id     TEXT,
    actor_type  TEXT        NOT NULL CHECK (actor_type IN ('user', 'agent', 'api_key', 'system')),
    action      TEXT        NOT NULL,
    old_values  JSONB,
    new_values  JSONB,
    request_id  TEXT,
    ip          TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX audit_log_by_org ON audit_log (org_id, id DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit rows are append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Audit retention (issue 14): rows stay append-only, except that the retention purge may delete
-- rows older than the cut-off it records here, in the same transaction, and nothing newer. The
-- purge removes its cut-off row before it commits.
CREATE TABLE audit_purges (
    before_created TIMESTAMPTZ NOT NULL
);

CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE'
       AND EXISTS (SELECT 1 FROM audit_purges WHERE OLD.created_at < audit_purges.before_created) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit rows are append-only';
END;
$$ LANGUAGE plpgsql;

-- Audit retention (issue 14): rows stay append-only, except that the retention purge may delete
-- rows older than the cut-off it records here, in the same transaction, and nothing newer. The
-- purge removes its cut-off row before it commits.
CREATE TABLE audit_purges (
    before_created TEXT NOT NULL
);

DROP TRIGGER audit_log_no_delete;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN NOT EXISTS (SELECT 1 FROM audit_purges WHERE OLD.created_at < audit_purges.before_created)
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END;

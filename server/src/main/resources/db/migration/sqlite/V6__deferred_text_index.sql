-- Local mode writes the trigram text index (blob_text) after the manifest switch, in the
-- background: it is the costliest part of a cold index. Until a blob is text-indexed, text search
-- checks it directly, so results are complete either way. Existing rows were indexed inline.
ALTER TABLE blob_parses ADD COLUMN text_indexed INTEGER NOT NULL DEFAULT 1
    CHECK (text_indexed IN (0, 1));

CREATE INDEX blob_parses_text_pending ON blob_parses (org_id, blob_id) WHERE text_indexed = 0;

-- A blob's references are written and read together, never one by one: one row per blob holds
-- them all (a line per reference, in ordinal order; see PackedReferences), instead of a row each
-- (~700k rows for the Go standard library, most of a cold index's write time).
CREATE TABLE blob_refs (
    org_id  BIGINT NOT NULL,
    blob_id BIGINT NOT NULL,
    refs    TEXT   NOT NULL,
    PRIMARY KEY (org_id, blob_id),
    FOREIGN KEY (org_id, blob_id) REFERENCES blobs (org_id, id) ON DELETE CASCADE
);

-- Fields: name, kind, qualifier (empty when none, a space when blank), line, start column, end
-- column, enclosing ordinal (empty when none); identifiers hold no tabs or line breaks.
INSERT INTO blob_refs (org_id, blob_id, refs)
SELECT org_id, blob_id,
       string_agg(
           translate(name, E'\t\n', '  ') || E'\t' || kind || E'\t'
               || CASE WHEN qualifier IS NULL THEN ''
                       WHEN trim(qualifier) = '' THEN ' '
                       ELSE translate(qualifier, E'\t\n', '  ') END
               || E'\t' || line || E'\t' || start_column || E'\t' || end_column || E'\t'
               || coalesce(enclosing_ordinal::text, ''),
           E'\n' ORDER BY ordinal)
FROM symbol_refs
GROUP BY org_id, blob_id;

DROP TABLE symbol_refs;

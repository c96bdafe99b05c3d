-- A blob's references are written and read together, never one by one: one row per blob holds
-- them all (a line per reference, in ordinal order; see PackedReferences), instead of a row each
-- (~700k rows for the Go standard library, most of a cold index's write time).
CREATE TABLE blob_refs (
    org_id  INTEGER NOT NULL,
    blob_id INTEGER NOT NULL,
    refs    TEXT    NOT NULL,
    PRIMARY KEY (org_id, blob_id),
    FOREIGN KEY (org_id, blob_id) REFERENCES blobs (org_id, id) ON DELETE CASCADE
) WITHOUT ROWID;

-- Fields: name, kind, qualifier (empty when none, a space when blank), line, start column, end
-- column, enclosing ordinal (empty when none); identifiers hold no tabs or line breaks.
INSERT INTO blob_refs (org_id, blob_id, refs)
SELECT org_id, blob_id,
       group_concat(
           replace(replace(name, char(9), ' '), char(10), ' ') || char(9) || kind || char(9)
               || CASE WHEN qualifier IS NULL THEN ''
                       WHEN trim(qualifier) = '' THEN ' '
                       ELSE replace(replace(qualifier, char(9), ' '), char(10), ' ') END
               || char(9) || line || char(9) || start_column || char(9) || end_column || char(9)
               || coalesce(enclosing_ordinal, ''),
           char(10) ORDER BY ordinal)
FROM symbol_refs
GROUP BY org_id, blob_id;

DROP TABLE symbol_refs;

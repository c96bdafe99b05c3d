-- Parse results hang off blobs (seed 000): identical content is parsed once per org, in any
-- branch or repository. Rows are keyed by (org_id, blob_id, ordinal) so a blob's results are
-- written, read and deleted together.

-- One row per parsed blob; its presence means "symbols, references, imports and chunks written".
CREATE TABLE blob_parses (
    org_id          INTEGER NOT NULL,
    blob_id         INTEGER NOT NULL,
    language        TEXT    NOT NULL,
    package_name    TEXT    NOT NULL DEFAULT '',
    -- which backend and extraction rules produced the rows, so changed rules can re-parse
    parser          TEXT    NOT NULL,
    line_count      INTEGER NOT NULL,
    symbol_count    INTEGER NOT NULL,
    reference_count INTEGER NOT NULL,
    import_count    INTEGER NOT NULL,
    error_count     INTEGER NOT NULL,
    PRIMARY KEY (org_id, blob_id),
    FOREIGN KEY (org_id, blob_id) REFERENCES blobs (org_id, id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE symbols (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER NOT NULL,
    blob_id        INTEGER NOT NULL,
    ordinal        INTEGER NOT NULL,
    -- ordinal of the enclosing symbol in the same blob, or null at top level
    parent_ordinal INTEGER,
    name           TEXT    NOT NULL,
    kind           TEXT    NOT NULL,
    container      TEXT,
    qualified_name TEXT    NOT NULL,
    signature      TEXT    NOT NULL,
    doc            TEXT,
    start_line     INTEGER NOT NULL,
    start_column   INTEGER NOT NULL,
    end_line       INTEGER NOT NULL,
    end_column     INTEGER NOT NULL,
    start_byte     INTEGER NOT NULL,
    end_byte       INTEGER NOT NULL,
    name_line      INTEGER NOT NULL,
    name_column    INTEGER NOT NULL,
    UNIQUE (org_id, blob_id, ordinal),
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, blob_id) REFERENCES blobs (org_id, id) ON DELETE CASCADE
);

-- Exact and case-insensitive prefix lookups by name.
CREATE INDEX symbols_by_name ON symbols (org_id, name COLLATE NOCASE);

CREATE TABLE symbol_refs (
    org_id            INTEGER NOT NULL,
    blob_id           INTEGER NOT NULL,
    ordinal           INTEGER NOT NULL,
    name              TEXT    NOT NULL,
    kind              TEXT    NOT NULL,
    qualifier         TEXT,
    line              INTEGER NOT NULL,
    start_column      INTEGER NOT NULL,
    end_column        INTEGER NOT NULL,
    -- ordinal of the innermost symbol containing the reference (the caller), or null
    enclosing_ordinal INTEGER,
    PRIMARY KEY (org_id, blob_id, ordinal),
    FOREIGN KEY (org_id, blob_id) REFERENCES blobs (org_id, id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE INDEX symbol_refs_by_name ON symbol_refs (org_id, name);

CREATE TABLE imports (
    org_id  INTEGER NOT NULL,
    blob_id INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    target  TEXT    NOT NULL,
    alias   TEXT,
    line    INTEGER NOT NULL,
    PRIMARY KEY (org_id, blob_id, ordinal),
    FOREIGN KEY (org_id, blob_id) REFERENCES blobs (org_id, id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE INDEX imports_by_target ON imports (org_id, target);

-- Units of semantic search: one per symbol worth embedding, plus file-level chunks for files
-- without symbols. The text is the blob's bytes [start_byte, end_byte).
CREATE TABLE chunks (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER NOT NULL,
    blob_id        INTEGER NOT NULL,
    ordinal        INTEGER NOT NULL,
    symbol_ordinal INTEGER,
    start_line     INTEGER NOT NULL,
    end_line       INTEGER NOT NULL,
    start_byte     INTEGER NOT NULL,
    end_byte       INTEGER NOT NULL,
    -- rough token count (bytes / 4), for batching and budgets
    token_estimate INTEGER NOT NULL,
    UNIQUE (org_id, blob_id, ordinal),
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, blob_id) REFERENCES blobs (org_id, id) ON DELETE CASCADE
);

-- Substring, full-text and regex prefilter over text blobs: trigram FTS5, rowid = blobs.id.
-- Contentless (the text lives once, in blobs.content) and without positions (detail = none):
-- a query asks for all of a literal's trigrams and every candidate is checked exactly anyway,
-- so positions would only cost time (2.4x to build) and space (15x).
CREATE VIRTUAL TABLE blob_text USING fts5(
    content, tokenize = 'trigram', content = '', contentless_delete = 1, detail = none
);

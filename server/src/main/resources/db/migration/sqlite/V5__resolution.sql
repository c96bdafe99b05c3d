-- Resolution (issue 4): imports resolved to files or external packages, references resolved to
-- definitions. Parse results hang off blobs, but what a name resolves to depends on which files a
-- branch has, so these rows are per branch. V4 is left to the vectors table.
--
-- Rows are narrow: files are numbered per branch (branch_files), and dependency and reference rows
-- carry those numbers, not paths. A resolved reference names its target as (file, symbol ordinal
-- in that file's blob); a file's blob gives its symbols and references.

-- The files of a branch as last resolved: the path -> blob state the rows below describe, so an
-- update can tell which files changed since. file_id is stable while the path stays.
CREATE TABLE branch_files (
    org_id    INTEGER NOT NULL,
    branch_id INTEGER NOT NULL,
    file_id   INTEGER NOT NULL,
    path      TEXT    NOT NULL,
    blob_id   INTEGER NOT NULL,
    PRIMARY KEY (org_id, branch_id, file_id),
    UNIQUE (org_id, branch_id, path),
    FOREIGN KEY (org_id, branch_id) REFERENCES branches (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, blob_id) REFERENCES blobs (org_id, id)
) WITHOUT ROWID;

CREATE INDEX branch_files_by_blob ON branch_files (org_id, blob_id);

-- One row per (import, target): an import of a package or folder yields a row per file of it.
-- kind 'file': to_file set; 'external': external_package set; 'unresolved': neither.
CREATE TABLE file_dependencies (
    org_id           INTEGER NOT NULL,
    branch_id        INTEGER NOT NULL,
    from_file        INTEGER NOT NULL,
    import_ordinal   INTEGER NOT NULL,
    to_file          INTEGER,
    external_package TEXT,
    kind             TEXT    NOT NULL CHECK (kind IN ('file', 'external', 'unresolved')),
    CHECK ((kind = 'file') = (to_file IS NOT NULL)),
    CHECK ((kind = 'external') = (external_package IS NOT NULL)),
    FOREIGN KEY (org_id, branch_id) REFERENCES branches (org_id, id) ON DELETE CASCADE
);

-- imports of a file / importers of a file
CREATE INDEX file_dependencies_from ON file_dependencies (org_id, branch_id, from_file);
CREATE INDEX file_dependencies_to ON file_dependencies (org_id, branch_id, to_file)
    WHERE to_file IS NOT NULL;

-- A reference resolved to a definition. An ambiguous reference may have a few rows, its
-- confidence split between them; an unresolved one has none. from_symbol is the reference's
-- enclosing symbol (the caller), copied here so callers/callees need no join.
CREATE TABLE resolved_refs (
    org_id      INTEGER NOT NULL,
    branch_id   INTEGER NOT NULL,
    from_file   INTEGER NOT NULL,
    ref_ordinal INTEGER NOT NULL,
    from_symbol INTEGER,
    to_file     INTEGER NOT NULL,
    to_symbol   INTEGER NOT NULL,
    confidence  REAL    NOT NULL CHECK (confidence > 0 AND confidence <= 1),
    PRIMARY KEY (org_id, branch_id, from_file, ref_ordinal, to_file, to_symbol),
    FOREIGN KEY (org_id, branch_id) REFERENCES branches (org_id, id) ON DELETE CASCADE
) WITHOUT ROWID;

-- who references (calls) a symbol; the primary key serves what a file or symbol references
CREATE INDEX resolved_refs_to ON resolved_refs (org_id, branch_id, to_file, to_symbol);

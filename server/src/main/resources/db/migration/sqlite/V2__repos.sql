-- Branch overlay storage (seed 000): repository -> branch -> manifest (path -> blob) -> blob.
-- Every row carries org_id; child tables reference their parent through (org_id, id), so a row
-- can never point at another org's row. Parse results (V3) hang off blobs(org_id, id).

CREATE TABLE repositories (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER NOT NULL REFERENCES orgs (id),
    name           TEXT    NOT NULL,
    kind           TEXT    NOT NULL CHECK (kind IN ('working_tree', 'git')),
    -- absolute, normalised folder path (working_tree) or clone URL / path (git)
    location       TEXT    NOT NULL,
    default_branch TEXT    NOT NULL,
    created_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (org_id, name),
    UNIQUE (org_id, location),
    UNIQUE (org_id, id)
);

-- Content-addressed by SHA-256 of the bytes, once per org: identical content in any branch or
-- repository of the org is stored (and parsed) once.
CREATE TABLE blobs (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES orgs (id),
    sha256       TEXT    NOT NULL CHECK (length(sha256) = 64),
    size_bytes   INTEGER NOT NULL CHECK (size_bytes >= 0),
    -- 'text': content holds the bytes; 'binary' / 'too_large': only the identity is kept
    content_kind TEXT    NOT NULL CHECK (content_kind IN ('text', 'binary', 'too_large')),
    content      BLOB,
    utf8_valid   INTEGER NOT NULL CHECK (utf8_valid IN (0, 1)),
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK ((content_kind = 'text') = (content IS NOT NULL)),
    UNIQUE (org_id, sha256),
    UNIQUE (org_id, id)
);

CREATE TABLE branches (
    id               INTEGER PRIMARY KEY,
    org_id           INTEGER NOT NULL,
    repository_id    INTEGER NOT NULL,
    name             TEXT    NOT NULL,
    -- the current complete manifest; switched in one transaction, null before the first index
    manifest_id      INTEGER,
    head_commit      TEXT,
    indexed_at       TEXT,
    -- indexing status, for progress reports and for the last failure
    state            TEXT    NOT NULL DEFAULT 'new'
                             CHECK (state IN ('new', 'indexing', 'ready', 'failed')),
    files_total      INTEGER NOT NULL DEFAULT 0,
    files_done       INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT,
    state_changed_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    created_at       TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (org_id, repository_id, name),
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, repository_id) REFERENCES repositories (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, manifest_id) REFERENCES manifests (org_id, id)
);

-- One complete version of a branch's file list. A new version is written and made current in one
-- transaction, so a failure midway leaves the previous version current and intact.
CREATE TABLE manifests (
    id            INTEGER PRIMARY KEY,
    org_id        INTEGER NOT NULL,
    branch_id     INTEGER NOT NULL,
    head_commit   TEXT,
    file_count    INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, branch_id) REFERENCES branches (org_id, id) ON DELETE CASCADE
);

CREATE INDEX manifests_by_branch ON manifests (org_id, branch_id);

CREATE TABLE manifest_entries (
    manifest_id INTEGER NOT NULL,
    org_id      INTEGER NOT NULL,
    path        TEXT    NOT NULL,
    blob_id     INTEGER NOT NULL,
    PRIMARY KEY (manifest_id, path),
    FOREIGN KEY (org_id, manifest_id) REFERENCES manifests (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, blob_id) REFERENCES blobs (org_id, id)
) WITHOUT ROWID;

-- Which manifests (hence branches) contain a blob: for "where is this content used" and for
-- collecting blobs no manifest references any more.
CREATE INDEX manifest_entries_by_blob ON manifest_entries (org_id, blob_id);

-- Learnings (issue 5): what agents learned about a repository, recalled by text and by scope.
-- Confidence starts at 0.7 and moves with feedback (see dev.atelier.memory.internal.Confidence);
-- learnings below the floor drop out of recall by default but are kept for list_learnings.
CREATE TABLE learnings (
    id              INTEGER PRIMARY KEY,
    org_id          INTEGER NOT NULL,
    repository_id   INTEGER NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('convention', 'pitfall', 'decision', 'how-to')),
    scope           TEXT    NOT NULL CHECK (scope IN ('repo', 'folder', 'file')),
    -- repository-relative folder or file; '' for repo scope
    path            TEXT    NOT NULL DEFAULT '',
    content         TEXT    NOT NULL,
    -- lower-case tags separated by single spaces
    tags            TEXT    NOT NULL DEFAULT '',
    source          TEXT,
    confidence      REAL    NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    helpful_count   INTEGER NOT NULL DEFAULT 0,
    unhelpful_count INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK ((scope = 'repo') = (path = '')),
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, repository_id) REFERENCES repositories (org_id, id) ON DELETE CASCADE
);

CREATE INDEX learnings_by_repository ON learnings (org_id, repository_id, confidence);

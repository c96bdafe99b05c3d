-- Every row of Atelier belongs to exactly one org (the tenant). Local mode runs as the one org 'local'.
CREATE TABLE orgs (
    id         INTEGER PRIMARY KEY,
    slug       TEXT    NOT NULL UNIQUE,
    name       TEXT    NOT NULL,
    created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

INSERT INTO orgs (id, slug, name) VALUES (1, 'local', 'Local');

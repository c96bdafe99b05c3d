-- Team chat (issue 15): channels (public, private, direct; org-wide or in a project), their
-- members, messages with threads (thread_id = the root's id), edit history, reactions, and the
-- search index. Every child row carries org_id and references its parent through (org_id, id), so
-- a row can never point at another org's row. Times are epoch milliseconds.
CREATE TABLE channels (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    project_id  INTEGER,
    name        TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('public', 'private', 'direct')),
    topic       TEXT    NOT NULL DEFAULT '',
    created_by  INTEGER NOT NULL,
    archived_at BIGINT,
    created_at  BIGINT  NOT NULL,
    UNIQUE (org_id, name),
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, project_id) REFERENCES projects (org_id, id) ON DELETE CASCADE
);

CREATE TABLE channel_members (
    org_id     INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    created_at BIGINT  NOT NULL,
    PRIMARY KEY (channel_id, user_id),
    FOREIGN KEY (org_id, channel_id) REFERENCES channels (org_id, id) ON DELETE CASCADE
);

CREATE INDEX channel_members_by_user ON channel_members (org_id, user_id);

CREATE TABLE messages (
    id            INTEGER PRIMARY KEY,
    org_id        INTEGER NOT NULL,
    channel_id    INTEGER NOT NULL,
    -- the root message of the thread this one answers; null for a root
    thread_id     INTEGER,
    author_id     INTEGER NOT NULL,
    author_type   TEXT    NOT NULL CHECK (author_type IN ('user', 'agent')),
    body          TEXT    NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1,
    edited_at     BIGINT,
    deleted_at    BIGINT,
    created_at    BIGINT  NOT NULL,
    -- on roots: live replies and the newest reply's time
    reply_count   INTEGER NOT NULL DEFAULT 0,
    last_reply_at BIGINT,
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, channel_id) REFERENCES channels (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, thread_id) REFERENCES messages (org_id, id) ON DELETE CASCADE
);

CREATE INDEX messages_by_channel ON messages (org_id, channel_id, thread_id, id);
CREATE INDEX messages_by_thread ON messages (org_id, thread_id, id);

-- Every body a message had before an edit: version is the number that body had.
CREATE TABLE message_versions (
    org_id      INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    body        TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    replaced_at BIGINT  NOT NULL,
    PRIMARY KEY (message_id, version),
    FOREIGN KEY (org_id, message_id) REFERENCES messages (org_id, id) ON DELETE CASCADE
);

CREATE TABLE reactions (
    org_id     INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    emoji      TEXT    NOT NULL,
    created_at BIGINT  NOT NULL,
    PRIMARY KEY (message_id, user_id, emoji),
    FOREIGN KEY (org_id, message_id) REFERENCES messages (org_id, id) ON DELETE CASCADE
);

-- Search, as seed 004 writes it: a contentless FTS5 word index (rowid = the message's id) kept by
-- triggers; a deleted message leaves it. Beside it a trigram index of the same shape for partial
-- words and CJK text, which has no spaces between words.
CREATE VIRTUAL TABLE message_fts USING fts5(
    message_id UNINDEXED,
    body,
    content='',
    contentless_delete=1
);

CREATE VIRTUAL TABLE message_trigrams USING fts5(
    body,
    content='',
    contentless_delete=1,
    tokenize='trigram'
);

CREATE TRIGGER messages_search_insert AFTER INSERT ON messages
WHEN new.deleted_at IS NULL
BEGIN
    INSERT INTO message_fts (rowid, message_id, body) VALUES (new.id, new.id, new.body);
    INSERT INTO message_trigrams (rowid, body) VALUES (new.id, new.body);
END;

CREATE TRIGGER messages_search_update AFTER UPDATE OF body, deleted_at ON messages
BEGIN
    DELETE FROM message_fts WHERE rowid = old.id;
    DELETE FROM message_trigrams WHERE rowid = old.id;
    INSERT INTO message_fts (rowid, message_id, body)
        SELECT new.id, new.id, new.body WHERE new.deleted_at IS NULL;
    INSERT INTO message_trigrams (rowid, body)
        SELECT new.id, new.body WHERE new.deleted_at IS NULL;
END;

CREATE TRIGGER messages_search_delete AFTER DELETE ON messages
BEGIN
    DELETE FROM message_fts WHERE rowid = old.id;
    DELETE FROM message_trigrams WHERE rowid = old.id;
END;

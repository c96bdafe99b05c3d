-- Team chat (issue 15): channels (public, private, direct; org-wide or in a project), their
-- members, messages with threads (thread_id = the root's id), edit history, reactions, and the
-- search index. Every child row carries org_id and references its parent through (org_id, id), so
-- a row can never point at another org's row. Times are epoch milliseconds.
CREATE TABLE channels (
    id          BIGSERIAL PRIMARY KEY,
    org_id      BIGINT  NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    project_id  BIGINT,
    name        TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('public', 'private', 'direct')),
    topic       TEXT    NOT NULL DEFAULT '',
    created_by  BIGINT  NOT NULL,
    archived_at BIGINT,
    created_at  BIGINT  NOT NULL,
    UNIQUE (org_id, name),
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, project_id) REFERENCES projects (org_id, id) ON DELETE CASCADE
);

CREATE TABLE channel_members (
    org_id     BIGINT  NOT NULL,
    channel_id BIGINT  NOT NULL,
    user_id    BIGINT  NOT NULL REFERENCES users (id),
    created_at BIGINT  NOT NULL,
    PRIMARY KEY (channel_id, user_id),
    FOREIGN KEY (org_id, channel_id) REFERENCES channels (org_id, id) ON DELETE CASCADE
);

CREATE INDEX channel_members_by_user ON channel_members (org_id, user_id);

-- search_vector is the word index (seed 004's message_fts on PostgreSQL): empty once deleted, so
-- a deleted message leaves the index, as the SQLite triggers make it leave message_fts.
CREATE TABLE messages (
    id            BIGSERIAL PRIMARY KEY,
    org_id        BIGINT  NOT NULL,
    channel_id    BIGINT  NOT NULL,
    -- the root message of the thread this one answers; null for a root
    thread_id     BIGINT,
    author_id     BIGINT  NOT NULL,
    author_type   TEXT    NOT NULL CHECK (author_type IN ('user', 'agent')),
    body          TEXT    NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1,
    edited_at     BIGINT,
    deleted_at    BIGINT,
    created_at    BIGINT  NOT NULL,
    -- on roots: live replies and the newest reply's time
    reply_count   INTEGER NOT NULL DEFAULT 0,
    last_reply_at BIGINT,
    search_vector tsvector GENERATED ALWAYS AS (
        CASE WHEN deleted_at IS NULL THEN to_tsvector('simple', body) END) STORED,
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, channel_id) REFERENCES channels (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, thread_id) REFERENCES messages (org_id, id) ON DELETE CASCADE
);

CREATE INDEX messages_by_channel ON messages (org_id, channel_id, thread_id, id);
CREATE INDEX messages_by_thread ON messages (org_id, thread_id, id);
CREATE INDEX messages_search ON messages USING GIN (search_vector);
-- Partial words and CJK text: trigrams of the lower-cased body, live messages only.
CREATE INDEX messages_trigrams ON messages USING GIN (lower(body) gin_trgm_ops)
    WHERE deleted_at IS NULL;

-- Every body a message had before an edit: version is the number that body had.
CREATE TABLE message_versions (
    org_id      BIGINT  NOT NULL,
    message_id  BIGINT  NOT NULL,
    version     INTEGER NOT NULL,
    body        TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    replaced_at BIGINT  NOT NULL,
    PRIMARY KEY (message_id, version),
    FOREIGN KEY (org_id, message_id) REFERENCES messages (org_id, id) ON DELETE CASCADE
);

CREATE TABLE reactions (
    org_id     BIGINT  NOT NULL,
    message_id BIGINT  NOT NULL,
    user_id    BIGINT  NOT NULL REFERENCES users (id),
    emoji      TEXT    NOT NULL,
    created_at BIGINT  NOT NULL,
    PRIMARY KEY (message_id, user_id, emoji),
    FOREIGN KEY (org_id, message_id) REFERENCES messages (org_id, id) ON DELETE CASCADE
);

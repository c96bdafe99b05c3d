-- Team chat, second part (issue 15): who a message mentions (so unread mention counts are one
-- indexed count), how far each member has read each channel, and API keys that act as agents.
CREATE TABLE message_mentions (
    org_id     BIGINT NOT NULL,
    channel_id BIGINT NOT NULL,
    message_id BIGINT NOT NULL,
    user_id    BIGINT NOT NULL,
    PRIMARY KEY (message_id, user_id),
    FOREIGN KEY (org_id, message_id) REFERENCES messages (org_id, id) ON DELETE CASCADE
);

CREATE INDEX message_mentions_by_user ON message_mentions (org_id, user_id, channel_id, message_id);

-- The newest message id a member has read in a channel; it only moves forward.
CREATE TABLE channel_reads (
    org_id       BIGINT NOT NULL,
    channel_id   BIGINT NOT NULL,
    user_id      BIGINT NOT NULL,
    last_read_id BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    PRIMARY KEY (channel_id, user_id),
    FOREIGN KEY (org_id, channel_id) REFERENCES channels (org_id, id) ON DELETE CASCADE
);

-- Unread counts: every message of a channel after an id, roots and replies alike.
CREATE INDEX messages_by_channel_id ON messages (org_id, channel_id, id);

ALTER TABLE api_keys ADD COLUMN agent BOOLEAN NOT NULL DEFAULT FALSE;

-- The events' replay log (issue 15): every durable event published on any node, kept for a bounded
-- window so a client that reconnects with Last-Event-ID (or after a node restart) gets what it
-- missed. The id is the SSE event id; ids only grow.
CREATE TABLE event_log (
    id         BIGSERIAL PRIMARY KEY,
    org_id     BIGINT NOT NULL,
    topic      TEXT   NOT NULL,
    type       TEXT   NOT NULL,
    payload    TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE INDEX event_log_by_topic ON event_log (topic, id);
CREATE INDEX event_log_by_time ON event_log (created_at);

-- The highest id pruned so far: a client asking for events after an older id missed some.
CREATE TABLE event_log_horizon (
    only_row    INTEGER PRIMARY KEY CHECK (only_row = 1),
    pruned_upto BIGINT  NOT NULL
);

INSERT INTO event_log_horizon (only_row, pruned_upto) VALUES (1, 0);

-- geventsd event log, schema version 1.
-- seq is assigned by the ingest (never reused: meta.last_seq keeps the high
-- water mark even after old rows are pruned).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE events (
    seq         INTEGER PRIMARY KEY,
    id          TEXT    NOT NULL,
    node_id     TEXT    NOT NULL,
    ts          INTEGER NOT NULL,
    type_id     INTEGER NOT NULL,
    type        TEXT    NOT NULL,
    category    TEXT    NOT NULL,
    severity    TEXT    NOT NULL,
    message     TEXT    NOT NULL,
    received_at REAL    NOT NULL
);
INSERT INTO meta (key, value) VALUES ('schema_version', '1');
INSERT INTO meta (key, value) VALUES ('last_seq', '0');

-- Schema version 2: webhooks, their durable cursors and dead letters.
-- A webhook's cursor is the highest seq such that every event up to it has
-- been delivered or dead-lettered; delivery resumes after it on restart.
CREATE TABLE webhooks (
    id              TEXT    PRIMARY KEY,
    url             TEXT    NOT NULL UNIQUE,
    settings        TEXT    NOT NULL,   -- JSON of the webhook's options
    revision        INTEGER NOT NULL,
    created_at      REAL    NOT NULL,
    cursor          INTEGER NOT NULL,
    enabled         INTEGER NOT NULL DEFAULT 1,
    disabled_reason TEXT,
    failing_since   REAL,               -- first failure since the last success
    last_success    REAL,
    last_error      TEXT,
    delivered       INTEGER NOT NULL DEFAULT 0,
    failed          INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE deadletters (
    webhook_id TEXT    NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    failed_at  REAL    NOT NULL,
    status     INTEGER,                 -- HTTP status, NULL for transport errors
    error      TEXT    NOT NULL,
    PRIMARY KEY (webhook_id, seq)
);
-- Ranges of the log to send (again) before the live cursor: replays.
CREATE TABLE replays (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    webhook_id TEXT    NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    next_seq   INTEGER NOT NULL,
    last_seq   INTEGER NOT NULL
);
INSERT INTO meta (key, value) VALUES ('revision', '0');
UPDATE meta SET value = '2' WHERE key = 'schema_version';

-- What comes back to the return path (issue 22). Each message leaves from
-- its own tagged address (VERP), so a report names its outbox row and its
-- volunteer; one report per message counts (a report piped twice is one).
CREATE TABLE bounces (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    outbox_id    BIGINT NOT NULL UNIQUE,
    volunteer_id BIGINT REFERENCES volunteers (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('hard', 'soft', 'complaint')),
    status       TEXT,
    received_at  BIGINT NOT NULL
);
CREATE INDEX bounces_by_volunteer ON bounces (volunteer_id, received_at);

-- A message a report says did not arrive: the dispatch figures count it
-- as undeliverable.
ALTER TABLE outbox ADD COLUMN bounced_at BIGINT;

-- An address that bounced for good, kept bouncing, or complained gets no
-- more mail: it is unsubscribed, and this says why and since when. It is
-- cleared when its owner subscribes and confirms again.
ALTER TABLE volunteers ADD COLUMN suppressed_at BIGINT;
ALTER TABLE volunteers ADD COLUMN suppressed_why TEXT;

-- Secrets every node shares, made by whichever node starts first: the key
-- that tags return addresses.
CREATE TABLE server_keys (
    name   TEXT PRIMARY KEY,
    secret TEXT NOT NULL
);

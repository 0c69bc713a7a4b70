-- Forwarded alerts carry no personal link: a volunteer asks for a short-lived
-- manage link by address instead (mail kind 'manage'), opens it with a
-- button (token purpose 'manage', single use), and manages their alerts in
-- a short page session (purpose 'manage_session', the cookie's token).
-- SQLite cannot change a CHECK in place, so both tables are rebuilt.
CREATE TABLE volunteer_tokens_new (
    token_hash   TEXT PRIMARY KEY,
    volunteer_id INTEGER NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
    purpose      TEXT NOT NULL
                 CHECK (purpose IN ('confirm', 'unsubscribe', 'manage', 'manage_session')),
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    used_at      BIGINT
);
INSERT INTO volunteer_tokens_new SELECT token_hash, volunteer_id, purpose, created_at, expires_at, used_at
    FROM volunteer_tokens;
DROP TABLE volunteer_tokens;
ALTER TABLE volunteer_tokens_new RENAME TO volunteer_tokens;
CREATE INDEX volunteer_tokens_by_expiry ON volunteer_tokens (expires_at);

CREATE TABLE outbox_new (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT NOT NULL
                    CHECK (kind IN ('confirm', 'alert', 'found', 'digest', 'update', 'tip', 'manage')),
    case_id         INTEGER REFERENCES cases (id) ON DELETE CASCADE,
    volunteer_id    INTEGER REFERENCES volunteers (id) ON DELETE CASCADE,
    tip_id          INTEGER REFERENCES tips (id) ON DELETE CASCADE,
    status          TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_until     BIGINT,
    claimed_by      TEXT,
    last_error      TEXT,
    created_at      BIGINT NOT NULL,
    sent_at         BIGINT,
    CHECK ((kind = 'tip') = (tip_id IS NOT NULL AND volunteer_id IS NULL)),
    CHECK (kind = 'tip' OR volunteer_id IS NOT NULL)
);
INSERT INTO outbox_new (id, kind, case_id, volunteer_id, tip_id, status, attempts, next_attempt_at,
                        lease_until, claimed_by, last_error, created_at, sent_at)
    SELECT id, kind, case_id, volunteer_id, tip_id, status, attempts, next_attempt_at,
           lease_until, claimed_by, last_error, created_at, sent_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE UNIQUE INDEX outbox_once ON outbox (kind, case_id, volunteer_id) WHERE case_id IS NOT NULL;
CREATE UNIQUE INDEX outbox_tip_once ON outbox (tip_id) WHERE tip_id IS NOT NULL;
CREATE INDEX outbox_queue ON outbox (next_attempt_at, id) WHERE status = 'queued';
CREATE INDEX outbox_by_volunteer ON outbox (volunteer_id);

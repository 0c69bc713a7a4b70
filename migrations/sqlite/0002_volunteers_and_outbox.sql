-- Volunteers receive alerts by email for their zones. Their address appears
-- nowhere but here: pages, logs and the outbox refer to them by id.
CREATE TABLE volunteers (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    email           TEXT NOT NULL UNIQUE,
    language        TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
    created_at      BIGINT NOT NULL,
    confirmed_at    BIGINT,
    unsubscribed_at BIGINT
);

-- A zone is a circle; named places resolve to one. A zone added to a known
-- address waits (confirmed_at NULL) until its owner confirms it by mail.
CREATE TABLE zones (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    volunteer_id INTEGER NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
    label        TEXT NOT NULL,
    lat          DOUBLE PRECISION NOT NULL,
    lng          DOUBLE PRECISION NOT NULL,
    radius_km    DOUBLE PRECISION NOT NULL,
    created_at   BIGINT NOT NULL,
    confirmed_at BIGINT
);
CREATE INDEX zones_by_volunteer ON zones (volunteer_id);

-- Links mailed to volunteers: only a SHA-256 of the token is kept.
CREATE TABLE volunteer_tokens (
    token_hash   TEXT PRIMARY KEY,
    volunteer_id INTEGER NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
    purpose      TEXT NOT NULL CHECK (purpose IN ('confirm', 'unsubscribe')),
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    used_at      BIGINT
);
CREATE INDEX volunteer_tokens_by_expiry ON volunteer_tokens (expires_at);

-- The source of truth for delivery: one row per message to send. Senders
-- claim rows by setting lease_until; a lease that runs out (a dead sender)
-- makes the row claimable again.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT NOT NULL CHECK (kind IN ('confirm', 'alert', 'found', 'digest', 'update')),
    case_id         INTEGER REFERENCES cases (id) ON DELETE CASCADE,
    volunteer_id    INTEGER NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
    status          TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_until     BIGINT,
    claimed_by      TEXT,
    last_error      TEXT,
    created_at      BIGINT NOT NULL,
    sent_at         BIGINT
);
-- A volunteer gets each kind of message about a case once.
CREATE UNIQUE INDEX outbox_once ON outbox (kind, case_id, volunteer_id) WHERE case_id IS NOT NULL;
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_by_case ON outbox (case_id, status);

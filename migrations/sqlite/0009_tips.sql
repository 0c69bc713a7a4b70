-- What people tell the police of a case. Anonymous unless the sender signs;
-- readable by police only; erased with the case's other personal details.
CREATE TABLE tips (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    -- A sighting, or someone saying the report is about them and false (or that they are safe).
    kind        TEXT NOT NULL DEFAULT 'sighting' CHECK (kind IN ('sighting', 'about_me')),
    message     TEXT NOT NULL,
    nickname    TEXT,
    contact     TEXT,
    -- Where the person was seen: as the sender wrote it, and/or a point.
    seen_place  TEXT,
    lat         DOUBLE PRECISION,
    lng         DOUBLE PRECISION,
    -- When the person was seen: UTC milliseconds and the sender's offset in seconds.
    seen_at     BIGINT,
    seen_offset BIGINT,
    received_at BIGINT NOT NULL
);
CREATE INDEX tips_by_case ON tips (case_id, id);

-- The officer who published a case is its police contact: tips are mailed to them.
ALTER TABLE cases ADD COLUMN police_contact_id INTEGER REFERENCES users (id);
UPDATE cases SET police_contact_id = (
    SELECT actor_id FROM case_audit
    WHERE case_audit.case_id = cases.id AND action = 'published' ORDER BY id LIMIT 1)
WHERE status <> 'draft';

-- Tip mail goes through the outbox like every other message, to a user
-- instead of a volunteer: volunteer_id becomes optional and a row may name
-- its tip. SQLite cannot drop NOT NULL in place, so the table is rebuilt.
CREATE TABLE outbox_new (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT NOT NULL CHECK (kind IN ('confirm', 'alert', 'found', 'digest', 'update', 'tip')),
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
INSERT INTO outbox_new (id, kind, case_id, volunteer_id, status, attempts, next_attempt_at,
                        lease_until, claimed_by, last_error, created_at, sent_at)
    SELECT id, kind, case_id, volunteer_id, status, attempts, next_attempt_at,
           lease_until, claimed_by, last_error, created_at, sent_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE UNIQUE INDEX outbox_once ON outbox (kind, case_id, volunteer_id) WHERE case_id IS NOT NULL;
-- (outbox_once stays: tip rows have no volunteer, and NULLs never collide.)
CREATE UNIQUE INDEX outbox_tip_once ON outbox (tip_id) WHERE tip_id IS NOT NULL;
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_by_case ON outbox (case_id, status);

-- Police take a case out of public view at once while they check a complaint
-- that the report is false; the case stays in their queue and its log.
ALTER TABLE cases ADD COLUMN hidden_at BIGINT;

-- Forwarded alerts carry no personal link: a volunteer asks for a short-lived
-- manage link by address instead (mail kind 'manage'), opens it with a
-- button (token purpose 'manage', single use), and manages their alerts in
-- a short page session (purpose 'manage_session', the cookie's token).
-- SQLite cannot change a CHECK in place, so both tables are rebuilt.
--
-- The outbox also carries mail to an organisation (kind 'org_notice': a
-- case whose alert reaches into its jurisdiction), to its contact address.
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

-- Organisations and their jurisdictions (ISO 3166 countries or first-level
-- regions, comma-separated; '' acts anywhere). Every organisation named by
-- an account so far becomes one, acting anywhere, as all police did.
CREATE TABLE organisations (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT NOT NULL UNIQUE,
    jurisdiction  TEXT NOT NULL DEFAULT '',
    contact_email TEXT,
    created_at    BIGINT NOT NULL
);
INSERT INTO organisations (name, created_at)
    SELECT DISTINCT organisation, CAST(strftime('%s', 'now') AS INTEGER) * 1000
    FROM users WHERE organisation IS NOT NULL;
ALTER TABLE users ADD COLUMN organisation_id INTEGER REFERENCES organisations (id);
UPDATE users SET organisation_id = (SELECT o.id FROM organisations o WHERE o.name = users.organisation);

-- A published case belongs to the publishing officer's organisation.
ALTER TABLE cases ADD COLUMN organisation_id INTEGER REFERENCES organisations (id);
UPDATE cases SET organisation_id = (SELECT o.id FROM organisations o WHERE o.name = cases.organisation)
 WHERE status <> 'draft';
-- Where the person was last seen, as jurisdictions name it ('' when no
-- country holds the point); filled from the boundary data by the server.
ALTER TABLE cases ADD COLUMN last_seen_country TEXT;
ALTER TABLE cases ADD COLUMN last_seen_region TEXT;

-- Organisations told of a case whose alert reaches into their jurisdiction.
CREATE TABLE case_informed_organisations (
    case_id         INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    informed_at     BIGINT NOT NULL,
    PRIMARY KEY (case_id, organisation_id)
);

CREATE TABLE outbox_new (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT NOT NULL
                    CHECK (kind IN ('confirm', 'alert', 'found', 'digest', 'update', 'tip', 'manage',
                                    'org_notice')),
    case_id         INTEGER REFERENCES cases (id) ON DELETE CASCADE,
    volunteer_id    INTEGER REFERENCES volunteers (id) ON DELETE CASCADE,
    tip_id          INTEGER REFERENCES tips (id) ON DELETE CASCADE,
    organisation_id INTEGER REFERENCES organisations (id) ON DELETE CASCADE,
    -- 'withdrawn': dropped unsent because its case left public view.
    status          TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'withdrawn')),
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_until     BIGINT,
    claimed_by      TEXT,
    last_error      TEXT,
    created_at      BIGINT NOT NULL,
    sent_at         BIGINT,
    -- One recipient: a volunteer, the police contact of a tip's case, or an organisation.
    CHECK ((kind = 'tip') = (tip_id IS NOT NULL)),
    CHECK ((kind = 'org_notice') = (organisation_id IS NOT NULL)),
    CHECK ((volunteer_id IS NULL) = (kind IN ('tip', 'org_notice')))
);
INSERT INTO outbox_new (id, kind, case_id, volunteer_id, tip_id, status, attempts, next_attempt_at,
                        lease_until, claimed_by, last_error, created_at, sent_at)
    SELECT id, kind, case_id, volunteer_id, tip_id, status, attempts, next_attempt_at,
           lease_until, claimed_by, last_error, created_at, sent_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
-- Rows a sender dropped for a hidden case were 'failed' with this sentence.
UPDATE outbox SET status = 'withdrawn'
 WHERE status = 'failed' AND last_error = 'withdrawn: the case was taken out of public view';
CREATE UNIQUE INDEX outbox_once ON outbox (kind, case_id, volunteer_id) WHERE case_id IS NOT NULL;
CREATE UNIQUE INDEX outbox_tip_once ON outbox (tip_id) WHERE tip_id IS NOT NULL;
CREATE UNIQUE INDEX outbox_notice_once ON outbox (case_id, organisation_id) WHERE organisation_id IS NOT NULL;
CREATE INDEX outbox_queue ON outbox (next_attempt_at, id) WHERE status = 'queued';
CREATE INDEX outbox_by_volunteer ON outbox (volunteer_id);

-- Failed sign-ins per (account, client address), the account by a hash of
-- its address (unknown addresses are counted the same way): growing delays
-- for the pair, an account-wide lock only when many addresses fail on it.
CREATE TABLE sign_in_failures (
    account_hash    TEXT NOT NULL,
    client          TEXT NOT NULL,
    failures        BIGINT NOT NULL,
    last_failure_at BIGINT NOT NULL,
    PRIMARY KEY (account_hash, client)
);
CREATE INDEX sign_in_failures_by_time ON sign_in_failures (last_failure_at);

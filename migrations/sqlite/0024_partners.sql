-- Partners (issue 21): organisations that post alerts where people pass
-- (bus terminals, border posts, airports, hospitals, schools, media,
-- transport companies). An administrator vouches for each: no
-- confirmation. Each watches a circle, as a volunteer's zone.
CREATE TABLE partners (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('bus_terminal', 'border_post', 'airport', 'hospital',
                                              'school', 'media', 'transport', 'other')),
    email       TEXT NOT NULL,
    language    TEXT NOT NULL,
    -- The place as the administrator named it ("Terminal de Buses, Cochabamba").
    place       TEXT NOT NULL,
    lat         DOUBLE PRECISION NOT NULL,
    lng         DOUBLE PRECISION NOT NULL,
    radius_km   DOUBLE PRECISION NOT NULL,
    created_at  BIGINT NOT NULL,
    removed_at  BIGINT
);
CREATE INDEX partners_by_kind ON partners (kind) WHERE removed_at IS NULL;

-- The kinds of partner a case's alert goes to, comma-separated; none:
-- volunteers only.
ALTER TABLE cases ADD COLUMN alert_partner_kinds TEXT NOT NULL DEFAULT '';

-- The outbox also carries a case's alert to a partner ('partner_alert'),
-- and its end ('partner_found': take the posters down).
-- SQLite changes a table's checks only by copying it.
CREATE TABLE outbox_new (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT NOT NULL
                    CHECK (kind IN ('confirm', 'alert', 'found', 'digest', 'update', 'tip', 'manage',
                                    'org_notice', 'partner_alert', 'partner_found')),
    case_id         INTEGER REFERENCES cases (id) ON DELETE CASCADE,
    volunteer_id    INTEGER REFERENCES volunteers (id) ON DELETE CASCADE,
    tip_id          INTEGER REFERENCES tips (id) ON DELETE CASCADE,
    organisation_id INTEGER REFERENCES organisations (id) ON DELETE CASCADE,
    partner_id      INTEGER REFERENCES partners (id) ON DELETE CASCADE,
    -- 'withdrawn': dropped unsent because its case left public view.
    status          TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'withdrawn')),
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_until     BIGINT,
    claimed_by      TEXT,
    last_error      TEXT,
    created_at      BIGINT NOT NULL,
    sent_at         BIGINT,
    bounced_at      BIGINT,
    -- One recipient: a volunteer, the police contact of a tip's case, an
    -- organisation or a partner.
    CHECK ((kind = 'tip') = (tip_id IS NOT NULL)),
    CHECK ((kind = 'org_notice') = (organisation_id IS NOT NULL)),
    CHECK ((kind IN ('partner_alert', 'partner_found')) = (partner_id IS NOT NULL)),
    CHECK ((volunteer_id IS NULL) = (kind IN ('tip', 'org_notice', 'partner_alert', 'partner_found')))
);
INSERT INTO outbox_new (id, kind, case_id, volunteer_id, tip_id, organisation_id, status, attempts,
                        next_attempt_at, lease_until, claimed_by, last_error, created_at, sent_at,
                        bounced_at)
    SELECT id, kind, case_id, volunteer_id, tip_id, organisation_id, status, attempts,
           next_attempt_at, lease_until, claimed_by, last_error, created_at, sent_at, bounced_at
    FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE UNIQUE INDEX outbox_once ON outbox (kind, case_id, volunteer_id) WHERE case_id IS NOT NULL;
CREATE UNIQUE INDEX outbox_tip_once ON outbox (tip_id) WHERE tip_id IS NOT NULL;
CREATE UNIQUE INDEX outbox_notice_once ON outbox (case_id, organisation_id) WHERE organisation_id IS NOT NULL;
CREATE UNIQUE INDEX outbox_partner_once ON outbox (kind, case_id, partner_id) WHERE partner_id IS NOT NULL;
CREATE INDEX outbox_queue ON outbox (next_attempt_at, id) WHERE status = 'queued';
CREATE INDEX outbox_by_volunteer ON outbox (volunteer_id);

-- Times are BIGINT milliseconds since 1970-01-01 UTC on both backends, so the
-- same SQL compares and orders them the same way.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'police', 'family')),
    organisation  TEXT,
    created_at    BIGINT NOT NULL
);

-- API tokens and page sessions: only a SHA-256 of the token is kept.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('api', 'cookie')),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE cases (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    status           TEXT NOT NULL CHECK (status IN ('draft', 'active', 'resolved')),
    outcome          TEXT CHECK (outcome IN ('found_safe', 'found_deceased', 'withdrawn')),
    resolution_note  TEXT,
    owner_id         INTEGER NOT NULL REFERENCES users (id),
    organisation     TEXT,
    given_name       TEXT NOT NULL,
    family_name      TEXT NOT NULL,
    name_key         TEXT NOT NULL,
    aliases          TEXT,
    sex              TEXT NOT NULL,
    birth_date       TEXT,
    stated_age       BIGINT,
    age_years        BIGINT NOT NULL,
    height_cm        BIGINT,
    weight_kg        BIGINT,
    hair             TEXT,
    eyes             TEXT,
    marks            TEXT,
    clothing         TEXT NOT NULL,
    circumstances    TEXT NOT NULL,
    last_seen_at     BIGINT NOT NULL,
    last_seen_offset BIGINT NOT NULL,
    last_seen_place  TEXT NOT NULL,
    lat              DOUBLE PRECISION NOT NULL,
    lng              DOUBLE PRECISION NOT NULL,
    contact_phone    TEXT NOT NULL,
    contact_name     TEXT,
    language         TEXT NOT NULL,
    alert_radius_km  DOUBLE PRECISION NOT NULL,
    version          BIGINT NOT NULL,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    published_at     BIGINT,
    resolved_at      BIGINT
);
CREATE INDEX cases_by_status ON cases (status, id);
CREATE INDEX cases_by_name ON cases (name_key);
CREATE INDEX cases_by_owner ON cases (owner_id);

-- Photos live in the database so that every server process sharing it can read them.
CREATE TABLE case_photos (
    case_id       INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    original      BLOB NOT NULL,
    original_type TEXT NOT NULL,
    normalized    BLOB NOT NULL,
    width         BIGINT NOT NULL,
    height        BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);

CREATE TABLE case_audit (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id  INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    actor_id INTEGER REFERENCES users (id),
    at       BIGINT NOT NULL,
    action   TEXT NOT NULL,
    detail   TEXT NOT NULL
);
CREATE INDEX case_audit_by_case ON case_audit (case_id, id);

-- What an unsubscribe took away, kept for an hour so the page that says
-- "done" can undo a mistaken click: the confirmed zones (every column, so
-- they return exactly as they were, grid cell included) and the followed
-- cases, under the SHA-256 of a token only that page holds. Kept apart from
-- zones, so no alert can match them meanwhile; the hourly job erases them
-- once the hour is over.
CREATE TABLE unsubscribe_undos (
    token_hash   TEXT PRIMARY KEY,
    volunteer_id BIGINT NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX unsubscribe_undos_expiry ON unsubscribe_undos (expires_at);

CREATE TABLE withdrawn_zones (
    volunteer_id BIGINT NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
    label        TEXT NOT NULL,
    lat          DOUBLE PRECISION NOT NULL,
    lng          DOUBLE PRECISION NOT NULL,
    radius_km    DOUBLE PRECISION NOT NULL,
    created_at   BIGINT NOT NULL,
    confirmed_at BIGINT NOT NULL,
    region       TEXT,
    x            DOUBLE PRECISION,
    y            DOUBLE PRECISION,
    z            DOUBLE PRECISION,
    cos_r        DOUBLE PRECISION,
    sin_r        DOUBLE PRECISION,
    cell         BIGINT
);
CREATE INDEX withdrawn_zones_by_volunteer ON withdrawn_zones (volunteer_id);

CREATE TABLE withdrawn_follows (
    volunteer_id BIGINT NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
    case_id      BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    confirmed_at BIGINT NOT NULL
);
CREATE INDEX withdrawn_follows_by_volunteer ON withdrawn_follows (volunteer_id);

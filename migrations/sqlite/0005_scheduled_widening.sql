-- Widenings police plan ahead: `after_hours` counts from publication.
CREATE TABLE case_widenings (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id         INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    after_hours     BIGINT NOT NULL,
    alert_radius_km DOUBLE PRECISION NOT NULL,
    created_by      INTEGER REFERENCES users (id),
    created_at      BIGINT NOT NULL,
    done_at         BIGINT,
    newly_reached   BIGINT
);
CREATE INDEX case_widenings_pending ON case_widenings (done_at, case_id);

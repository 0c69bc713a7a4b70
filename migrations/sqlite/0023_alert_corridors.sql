-- Alert areas along roads and inside polygons (issue 21), beside the
-- circle: the route as JSON [{"lat": …, "lng": …}, …] with how far either
-- side of it the alert reaches, and the polygon's ring in the same form.
ALTER TABLE cases ADD COLUMN alert_route TEXT;
ALTER TABLE cases ADD COLUMN alert_route_width_km DOUBLE PRECISION;
ALTER TABLE cases ADD COLUMN alert_polygon TEXT;

-- A planned widening may widen the circle, the corridor or both: the
-- radius may now be missing. SQLite changes a column's constraint only by
-- copying the table.
CREATE TABLE case_widenings_new (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id              INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    after_hours          BIGINT NOT NULL,
    alert_radius_km      DOUBLE PRECISION,
    alert_route_width_km DOUBLE PRECISION,
    created_by           INTEGER REFERENCES users (id),
    created_at           BIGINT NOT NULL,
    done_at              BIGINT,
    newly_reached        BIGINT,
    CHECK (alert_radius_km IS NOT NULL OR alert_route_width_km IS NOT NULL)
);
INSERT INTO case_widenings_new
    (id, case_id, after_hours, alert_radius_km, created_by, created_at, done_at, newly_reached)
SELECT id, case_id, after_hours, alert_radius_km, created_by, created_at, done_at, newly_reached
FROM case_widenings;
DROP TABLE case_widenings;
ALTER TABLE case_widenings_new RENAME TO case_widenings;
CREATE INDEX case_widenings_pending ON case_widenings (done_at, case_id);

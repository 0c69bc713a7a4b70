-- The index that finds the zones an alert area reaches: the bounding box of
-- each confirmed circle zone (computed in Rust on the sphere distances are
-- measured on) under a GiST index on PostgreSQL's core `box` type, no
-- PostGIS, with what the exact check needs included (the volunteer, and the
-- zone as a cap: its centre as a unit vector x, y, z and the cosine and sine
-- of its angular radius, decided with multiplications: alerta_core::Cap). A zone is confirmed only while its volunteer is (confirming a
-- volunteer confirms their zones; unsubscribing deletes them). Boxes of zones
-- stored before are filled in by the first start after this migration.
-- Region zones have no box; they are found by their code.
ALTER TABLE zones
    ADD COLUMN south DOUBLE PRECISION,
    ADD COLUMN north DOUBLE PRECISION,
    ADD COLUMN west DOUBLE PRECISION,
    ADD COLUMN east DOUBLE PRECISION,
    ADD COLUMN x DOUBLE PRECISION,
    ADD COLUMN y DOUBLE PRECISION,
    ADD COLUMN z DOUBLE PRECISION,
    ADD COLUMN cos_r DOUBLE PRECISION,
    ADD COLUMN sin_r DOUBLE PRECISION,
    ADD COLUMN bbox box GENERATED ALWAYS AS (box(point(west, south), point(east, north))) STORED;

CREATE INDEX zones_by_box ON zones USING gist (bbox) INCLUDE (volunteer_id, x, y, z, cos_r, sin_r)
    WHERE confirmed_at IS NOT NULL AND bbox IS NOT NULL;

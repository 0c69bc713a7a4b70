-- The index that finds the zones an alert area reaches: each circle zone's
-- bounding box (computed in Rust on the sphere distances are measured on)
-- under a GiST index on PostgreSQL's core `box` type; no PostGIS. Boxes of
-- zones that existed before are filled in by the first start after this
-- migration. Region zones have no box; they are found by their code.
ALTER TABLE zones
    ADD COLUMN south DOUBLE PRECISION,
    ADD COLUMN north DOUBLE PRECISION,
    ADD COLUMN west DOUBLE PRECISION,
    ADD COLUMN east DOUBLE PRECISION;

CREATE INDEX zones_by_box ON zones USING gist (box(point(west, south), point(east, north)))
    WHERE south IS NOT NULL;

-- The index that finds the zones an alert area reaches: the bounding box of
-- each confirmed circle zone (computed in Rust on the sphere distances are
-- measured on) in SQLite's R*Tree, with what the exact check needs beside it
-- (the volunteer, and the zone as a cap: its centre as a unit vector x, y, z
-- and the cosine and sine of its angular radius), so a search reads the
-- R*Tree alone and decides with multiplications (alerta_core::Cap). Triggers
-- keep it in step with the zones: a zone enters when confirmed and leaves
-- when deleted. A zone is confirmed only while its volunteer is (confirming
-- a volunteer confirms their zones; unsubscribing deletes them). Boxes of
-- zones stored before are filled in by the first start after this migration.
-- Region zones have no box; they are found by their code.
ALTER TABLE zones ADD COLUMN south DOUBLE PRECISION;
ALTER TABLE zones ADD COLUMN north DOUBLE PRECISION;
ALTER TABLE zones ADD COLUMN west DOUBLE PRECISION;
ALTER TABLE zones ADD COLUMN east DOUBLE PRECISION;
ALTER TABLE zones ADD COLUMN x DOUBLE PRECISION;
ALTER TABLE zones ADD COLUMN y DOUBLE PRECISION;
ALTER TABLE zones ADD COLUMN z DOUBLE PRECISION;
ALTER TABLE zones ADD COLUMN cos_r DOUBLE PRECISION;
ALTER TABLE zones ADD COLUMN sin_r DOUBLE PRECISION;

CREATE VIRTUAL TABLE zone_boxes USING rtree(
    id, south, north, west, east,
    +volunteer_id INTEGER, +x REAL, +y REAL, +z REAL, +cos_r REAL, +sin_r REAL
);

CREATE TRIGGER zone_boxes_after_insert AFTER INSERT ON zones
WHEN new.south IS NOT NULL AND new.confirmed_at IS NOT NULL
BEGIN
    INSERT INTO zone_boxes (id, south, north, west, east, volunteer_id, x, y, z, cos_r, sin_r)
    VALUES (new.id, new.south, new.north, new.west, new.east,
            new.volunteer_id, new.x, new.y, new.z, new.cos_r, new.sin_r);
END;

CREATE TRIGGER zone_boxes_after_update AFTER UPDATE ON zones
BEGIN
    DELETE FROM zone_boxes WHERE id = old.id;
    INSERT INTO zone_boxes (id, south, north, west, east, volunteer_id, x, y, z, cos_r, sin_r)
    SELECT new.id, new.south, new.north, new.west, new.east,
           new.volunteer_id, new.x, new.y, new.z, new.cos_r, new.sin_r
    WHERE new.south IS NOT NULL AND new.confirmed_at IS NOT NULL;
END;

CREATE TRIGGER zone_boxes_after_delete AFTER DELETE ON zones
BEGIN
    DELETE FROM zone_boxes WHERE id = old.id;
END;

-- The index that finds the zones an alert area reaches: each circle zone's
-- bounding box (computed in Rust on the sphere distances are measured on) in
-- SQLite's R*Tree, kept in step with the zones by triggers. Boxes of zones
-- that existed before are filled in by the first start after this migration.
-- Region zones have no box; they are found by their code.
ALTER TABLE zones ADD COLUMN south DOUBLE PRECISION;
ALTER TABLE zones ADD COLUMN north DOUBLE PRECISION;
ALTER TABLE zones ADD COLUMN west DOUBLE PRECISION;
ALTER TABLE zones ADD COLUMN east DOUBLE PRECISION;

CREATE VIRTUAL TABLE zone_boxes USING rtree(id, south, north, west, east);

CREATE TRIGGER zone_boxes_after_insert AFTER INSERT ON zones
WHEN new.south IS NOT NULL
BEGIN
    INSERT INTO zone_boxes (id, south, north, west, east)
    VALUES (new.id, new.south, new.north, new.west, new.east);
END;

CREATE TRIGGER zone_boxes_after_update AFTER UPDATE OF south, north, west, east ON zones
WHEN new.south IS NOT NULL
BEGIN
    INSERT OR REPLACE INTO zone_boxes (id, south, north, west, east)
    VALUES (new.id, new.south, new.north, new.west, new.east);
END;

CREATE TRIGGER zone_boxes_after_delete AFTER DELETE ON zones
BEGIN
    DELETE FROM zone_boxes WHERE id = old.id;
END;

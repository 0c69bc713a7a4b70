-- The zone index becomes a B-tree over grid cells (alerta_core::grid): each
-- confirmed circle zone is filed under the cell of its radius's level that
-- holds its centre, and the index carries what the exact check needs (the
-- volunteer and the zone's cap), so a search reads a few ranges of it in
-- order and nothing else. The R*Tree it replaces found the same zones, but
-- SQLite keeps an R*Tree's extra columns in a side table, one lookup per
-- candidate: most of an answer's time (docs/benchmarks.md). Cells of zones
-- stored before are filled in by the first start after this migration.
DROP TRIGGER zone_boxes_after_insert;
DROP TRIGGER zone_boxes_after_update;
DROP TRIGGER zone_boxes_after_delete;
DROP TABLE zone_boxes;
ALTER TABLE zones DROP COLUMN south;
ALTER TABLE zones DROP COLUMN north;
ALTER TABLE zones DROP COLUMN west;
ALTER TABLE zones DROP COLUMN east;
ALTER TABLE zones ADD COLUMN cell BIGINT;
-- (confirmed_at is in it for the query's own condition: see 0015.)
CREATE INDEX zones_by_cell ON zones (cell, volunteer_id, x, y, z, cos_r, sin_r, confirmed_at)
    WHERE cell IS NOT NULL AND confirmed_at IS NOT NULL;

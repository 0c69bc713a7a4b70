-- The zone index becomes a B-tree over grid cells (alerta_core::grid): each
-- confirmed circle zone is filed under the cell of its radius's level that
-- holds its centre, and the index includes what the exact check needs (the
-- volunteer and the zone's cap), so a search reads a few ranges of it in
-- order. The same design as SQLite's, where it replaced an R*Tree that
-- looked up each candidate's columns apart; here it replaces the GiST index
-- on boxes (docs/benchmarks.md). Cells of zones stored before are filled in
-- by the first start after this migration.
DROP INDEX zones_by_box;
ALTER TABLE zones
    DROP COLUMN bbox,
    DROP COLUMN south,
    DROP COLUMN north,
    DROP COLUMN west,
    DROP COLUMN east,
    ADD COLUMN cell BIGINT;
CREATE INDEX zones_by_cell ON zones (cell) INCLUDE (volunteer_id, x, y, z, cos_r, sin_r)
    WHERE cell IS NOT NULL AND confirmed_at IS NOT NULL;

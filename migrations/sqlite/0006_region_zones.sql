-- A zone may be a whole country or first-level region (ISO 3166 code). Its
-- lat, lng and radius_km are then 0 and unused: circle matching skips rows
-- with a region, and region matching looks only at this column.
ALTER TABLE zones ADD COLUMN region TEXT;
CREATE INDEX zones_by_region ON zones (region) WHERE region IS NOT NULL;

-- The confirmed zones of a country or region, with their volunteer, read
-- from the index alone: an alert anywhere in a country reaches every
-- volunteer who subscribed to the whole country, thousands in a large one,
-- and each was a lookup of its row for its volunteer and confirmation.
DROP INDEX zones_by_region;
CREATE INDEX zones_by_region ON zones (region, volunteer_id)
    WHERE region IS NOT NULL AND confirmed_at IS NOT NULL;

-- The town (or, far from any, the region) the last-seen point lies in,
-- printed with the country beside the place as the family typed it. Cases
-- stored before it are located again at start: clearing the country marks
-- them for the fill that sets country, region and locality together.
ALTER TABLE cases ADD COLUMN last_seen_locality TEXT;
UPDATE cases SET last_seen_country = NULL;

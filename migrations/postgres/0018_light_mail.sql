-- The copies of a photo that mail carries, made when it is uploaded: the
-- print copy (framed as the poster shows it, about 170 dpi, inside the
-- attached poster) and the screen copy (small, inside the mail's body).
-- NULL for photos stored before them: the server makes them at start.
ALTER TABLE case_photos ADD COLUMN print_jpeg BYTEA;
ALTER TABLE case_photos ADD COLUMN print_width BIGINT;
ALTER TABLE case_photos ADD COLUMN print_height BIGINT;
ALTER TABLE case_photos ADD COLUMN screen_jpeg BYTEA;
ALTER TABLE case_photos ADD COLUMN screen_width BIGINT;
ALTER TABLE case_photos ADD COLUMN screen_height BIGINT;

-- How a volunteer gets the poster: attached to each alert, or only as a
-- link to it (light mail, for a prepaid phone plan).
ALTER TABLE volunteers ADD COLUMN poster_delivery TEXT NOT NULL DEFAULT 'attached'
    CHECK (poster_delivery IN ('attached', 'link'));

-- A second number to call (the family's beside the police's), printed with the first.
ALTER TABLE cases ADD COLUMN contact_phone_2 TEXT;

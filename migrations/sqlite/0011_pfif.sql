-- A case imported from another PFIF repository keeps the original record's
-- id: importing the same record again merges instead of duplicating, and our
-- export names the original, as PFIF clones must.
ALTER TABLE cases ADD COLUMN pfif_record_id TEXT;
CREATE UNIQUE INDEX cases_by_pfif_record ON cases (pfif_record_id);

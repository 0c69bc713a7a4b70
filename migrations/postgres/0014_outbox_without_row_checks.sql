-- Publishing a case queues one outbox row per volunteer it reaches, inside
-- the publishing transaction. PostgreSQL checks a foreign key row by row:
-- for each alert row it looked the case and the volunteer up and locked the
-- volunteer's row (FOR KEY SHARE, a write to every volunteer's tuple). At
-- 100 000 recipients that was 0.7 s of a 1.7 s publication, and the first
-- alert waits for the commit (docs/benchmarks.md).
--
-- Every outbox row is written by a statement that has just read its case
-- (locked) and its volunteers' confirmed zones, so the check adds nothing
-- there. What the keys did on the other side stays, as triggers that fire
-- only when a case or a volunteer is deleted: their rows go with them.
-- (Only unconfirmed volunteers are ever deleted, and alerts reach confirmed
-- zones only, so no alert row can be left behind by a deletion racing a
-- publication; a row that lost its volunteer anyway fails as "the volunteer
-- no longer exists".) The tip key stays: tip rows come one at a time.
ALTER TABLE outbox DROP CONSTRAINT outbox_case_id_fkey;
ALTER TABLE outbox DROP CONSTRAINT outbox_volunteer_id_fkey;

CREATE FUNCTION outbox_follow_volunteer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM outbox WHERE volunteer_id = OLD.id;
    RETURN NULL;
END $$;
CREATE TRIGGER outbox_follows_volunteer AFTER DELETE ON volunteers
    FOR EACH ROW EXECUTE FUNCTION outbox_follow_volunteer();

-- Every kind is named so that outbox_once (kind, case_id, volunteer_id)
-- finds the rows.
CREATE FUNCTION outbox_follow_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM outbox
     WHERE kind IN ('confirm', 'alert', 'found', 'digest', 'update', 'tip') AND case_id = OLD.id;
    RETURN NULL;
END $$;
CREATE TRIGGER outbox_follows_case AFTER DELETE ON cases
    FOR EACH ROW EXECUTE FUNCTION outbox_follow_case();

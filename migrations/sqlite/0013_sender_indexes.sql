-- What a sender's round reads, by index.
--
-- The queue: due rows in the order they are claimed. The old index on
-- (status, next_attempt_at) left PostgreSQL to sort every queued row by id
-- for each claim of 32 (a fan-out of 100 000 rows: 20 ms a claim, on disk);
-- this one hands them over in order and holds only rows still queued.
DROP INDEX outbox_due;
CREATE INDEX outbox_queue ON outbox (next_attempt_at, id) WHERE status = 'queued';

-- A volunteer's first zone (its country sets the poster's paper): with the
-- id in the index PostgreSQL finds it directly instead of walking zones in
-- id order until one belongs to the volunteer.
DROP INDEX zones_by_volunteer;
CREATE INDEX zones_by_volunteer ON zones (volunteer_id, id);

-- A volunteer's rows: the subscription rate limit counts their recent
-- confirmation mail, unsubscribing withdraws their queued mail, and
-- deleting an expired volunteer cascades to their rows; each scanned the
-- whole outbox (28 ms at 100 000 rows, growing with every fan-out). The
-- index by case goes: every query by case also names the kind, which
-- outbox_once (kind, case_id, volunteer_id) serves, and a fan-out keeps
-- writing four indexes per row, not five.
DROP INDEX outbox_by_case;
CREATE INDEX outbox_by_volunteer ON outbox (volunteer_id);

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

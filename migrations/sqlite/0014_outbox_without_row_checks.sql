-- Nothing changes on SQLite: the PostgreSQL migration of the same number
-- drops the outbox's foreign keys to cases and volunteers because
-- PostgreSQL checks them row by row with a lock on each volunteer, 0.7 s of
-- publishing to 100 000 volunteers. SQLite checks a key with an in-process
-- B-tree lookup and no lock, so its keys (and their ON DELETE CASCADE) stay.
SELECT 1;

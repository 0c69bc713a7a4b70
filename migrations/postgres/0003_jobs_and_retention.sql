-- Scheduled jobs: each process ticks; a job runs in the one process whose
-- compare-and-set on last_slot succeeds, so once per schedule in all.
CREATE TABLE jobs (
    name        TEXT PRIMARY KEY,
    last_slot   BIGINT NOT NULL,
    runs        BIGINT NOT NULL DEFAULT 0,
    last_run_at BIGINT,
    last_result TEXT
);

-- When a resolved case's personal details were erased (retention purge).
ALTER TABLE cases ADD COLUMN purged_at BIGINT;

-- The pacing clock every sender shares when the operator sets a global send
-- rate: a sender reserves slots by moving next_at forward, then sends one
-- message per slot.
CREATE TABLE send_pacing (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    next_at BIGINT NOT NULL
);
INSERT INTO send_pacing (id, next_at) VALUES (1, 0);

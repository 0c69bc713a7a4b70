-- What people tell the police of a case. Anonymous unless the sender signs;
-- readable by police only; erased with the case's other personal details.
CREATE TABLE tips (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    message     TEXT NOT NULL,
    nickname    TEXT,
    contact     TEXT,
    -- Where the person was seen: as the sender wrote it, and/or a point.
    seen_place  TEXT,
    lat         DOUBLE PRECISION,
    lng         DOUBLE PRECISION,
    -- When the person was seen: UTC milliseconds and the sender's offset in seconds.
    seen_at     BIGINT,
    seen_offset BIGINT,
    received_at BIGINT NOT NULL
);
CREATE INDEX tips_by_case ON tips (case_id, id);

-- Fixed-window request counters shared by every process. Keys hold no
-- address in clear: client IPs and hashed emails only.
CREATE TABLE rate_limits (
    key          TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    hits         BIGINT NOT NULL
);
CREATE INDEX rate_limits_by_window ON rate_limits (window_start);

-- Re-alerts of cases still active some days after publication, each done
-- once per case: the alert goes to volunteers who joined the zone since.
CREATE TABLE case_realerts (
    case_id       INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    after_days    BIGINT NOT NULL,
    done_at       BIGINT NOT NULL,
    newly_reached BIGINT NOT NULL,
    PRIMARY KEY (case_id, after_days)
);

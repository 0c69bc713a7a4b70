-- Anyone may follow one case by mail, volunteer or not (double opt-in): they
-- get its corrected details and its end, like the volunteers it alerted.
CREATE TABLE case_followers (
    case_id      INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    volunteer_id INTEGER NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    confirmed_at BIGINT,
    PRIMARY KEY (case_id, volunteer_id)
);
CREATE INDEX case_followers_by_volunteer ON case_followers (volunteer_id);

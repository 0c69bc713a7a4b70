-- A photo sent with a case form that was refused for another field: kept
-- for a day under a token the returned form carries (its SHA-256 here), so
-- the family need not choose it again. Only the account that sent it may
-- use it; the token-purging job removes it once expired.
CREATE TABLE pending_photos (
    token_hash    TEXT PRIMARY KEY,
    owner_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    original      BYTEA NOT NULL,
    original_type TEXT NOT NULL,
    -- The screen copy, shown on the returned form.
    thumbnail     BYTEA NOT NULL,
    expires_at    BIGINT NOT NULL
);
CREATE INDEX pending_photos_expiry ON pending_photos (expires_at);

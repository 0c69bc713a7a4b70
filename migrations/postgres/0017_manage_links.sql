-- Forwarded alerts carry no personal link: a volunteer asks for a short-lived
-- manage link by address instead (mail kind 'manage'), opens it with a
-- button (token purpose 'manage', single use), and manages their alerts in
-- a short page session (purpose 'manage_session', the cookie's token).
ALTER TABLE volunteer_tokens DROP CONSTRAINT volunteer_tokens_purpose_check;
ALTER TABLE volunteer_tokens ADD CONSTRAINT volunteer_tokens_purpose_check
    CHECK (purpose IN ('confirm', 'unsubscribe', 'manage', 'manage_session'));
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check
    CHECK (kind IN ('confirm', 'alert', 'found', 'digest', 'update', 'tip', 'manage'));

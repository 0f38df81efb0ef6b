-- A mail the server took for some recipients and deferred for others (4xx at RCPT, e.g. greylisting) is tried
-- again for those alone, in a row of its own with the same Message-ID: the Message-ID is no longer unique in
-- the outbox (nothing looks a row up by it, so it keeps no index). Runs again over its own partial result,
-- like every migration from V10 on.
ALTER TABLE outbox DROP CONSTRAINT IF EXISTS uq_outbox_message_id;

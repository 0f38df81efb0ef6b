-- The automatic answers (acknowledgements, pointers to the tracker) queued per minute, by purpose: the
-- per-hour cap in all reads the hour's minutes here instead of every answer of the last hour in the outbox.
-- Like every migration from this one on, it runs again over its own partial result (H2 commits each DDL
-- statement on its own, so a migration cut short is run again from its start): IF NOT EXISTS, MERGE.
CREATE TABLE IF NOT EXISTS automatic_answer_count (
    purpose      VARCHAR(40)              NOT NULL,
    minute_start TIMESTAMP WITH TIME ZONE NOT NULL,
    queued       INT                      NOT NULL,
    PRIMARY KEY (purpose, minute_start)
);
MERGE INTO automatic_answer_count (purpose, minute_start, queued) KEY (purpose, minute_start)
SELECT purpose, DATE_TRUNC(MINUTE, created_at), COUNT(*) FROM outbox
WHERE purpose IN ('acknowledgement', 'tracker-answer') AND created_at >= DATEADD(DAY, -1, CURRENT_TIMESTAMP)
GROUP BY purpose, DATE_TRUNC(MINUTE, created_at);

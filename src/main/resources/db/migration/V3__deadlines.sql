-- The planned disclosure date of a case (#embargo), which the disclosure deadline is read from.
ALTER TABLE security_case ADD COLUMN embargo_date DATE;

-- Each case's deadlines as last computed from its event log, and when the SLA clock must look at it
-- next. A timer tick reads only the rows whose next_check_at has come, through the index: its cost
-- grows with the cases that are due, not with all cases.
CREATE TABLE case_deadline (
    case_id                 VARCHAR(20) PRIMARY KEY REFERENCES security_case (id),
    acknowledgement_due     TIMESTAMP WITH TIME ZONE,
    acknowledged_at         TIMESTAMP WITH TIME ZONE,
    first_response_due      TIMESTAMP WITH TIME ZONE,
    first_response_at       TIMESTAMP WITH TIME ZONE,
    -- null while the clock is paused, waiting on the reporter
    next_update_due         TIMESTAMP WITH TIME ZONE,
    disclosure_due          TIMESTAMP WITH TIME ZONE,
    disclosed_at            TIMESTAMP WITH TIME ZONE,
    closed                  BOOLEAN NOT NULL,
    -- null: nothing to do for this case until it changes
    next_check_at           TIMESTAMP WITH TIME ZONE,
    computed_at             TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_case_deadline_check ON case_deadline (next_check_at);

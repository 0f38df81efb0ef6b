-- Every message fetched from the watched mailbox, stored raw before it is moved on the server.
CREATE TABLE inbound_message (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    folder          VARCHAR(500)  NOT NULL,
    uid_validity    BIGINT        NOT NULL,
    uid             BIGINT        NOT NULL,
    -- Message-ID header as found ('' when absent); with sha256 the key that survives a UIDVALIDITY reset
    message_id      VARCHAR(1000) NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    size            BIGINT        NOT NULL,
    raw             BLOB          NOT NULL,
    fetched_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- stored: waiting for the pipeline; processed: in a case; ignored: recorded, nothing to do;
    -- quarantined: the pipeline failed on it (status_detail says why)
    status          VARCHAR(20)   NOT NULL,
    status_detail   VARCHAR(2000),
    -- how many times the pipeline started on it; a message that keeps crashing the daemon is quarantined
    attempts        INT           NOT NULL DEFAULT 0,
    case_id         VARCHAR(20),
    kind            VARCHAR(20),
    sender          VARCHAR(500),
    subject         VARCHAR(1000),
    problems        VARCHAR(4000),
    CONSTRAINT uq_inbound_uid UNIQUE (folder, uid_validity, uid),
    CONSTRAINT uq_inbound_content UNIQUE (message_id, sha256)
);
CREATE INDEX ix_inbound_status ON inbound_message (status, id);

-- The next case number per year.
CREATE TABLE case_counter (
    case_year   INT PRIMARY KEY,
    last_number INT NOT NULL
);

CREATE TABLE security_case (
    id              VARCHAR(20)   PRIMARY KEY,
    state           VARCHAR(20)   NOT NULL,
    subject         VARCHAR(1000) NOT NULL,
    reporter        VARCHAR(500)  NOT NULL,
    reporter_name   VARCHAR(500),
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    encrypted       BOOLEAN       NOT NULL DEFAULT FALSE,
    problems        VARCHAR(4000)
);
CREATE INDEX ix_case_state ON security_case (state);

-- Mailboxes that take part in a case: the reporter's side and the maintainers.
CREATE TABLE participant (
    case_id      VARCHAR(20)  NOT NULL REFERENCES security_case (id),
    address      VARCHAR(500) NOT NULL,
    display_name VARCHAR(500),
    role         VARCHAR(20)  NOT NULL,
    PRIMARY KEY (case_id, address)
);

-- Mail sectriage sends, written in the same transaction as the change that caused it and sent by a retrying job.
CREATE TABLE outbox (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id         VARCHAR(20),
    purpose         VARCHAR(40)   NOT NULL,
    message_id      VARCHAR(1000) NOT NULL,
    envelope_from   VARCHAR(500)  NOT NULL,
    recipients      VARCHAR(4000) NOT NULL,
    -- the first recipient in lower case: the key of the per-sender acknowledgement limit
    rate_key        VARCHAR(500)  NOT NULL,
    raw             BLOB          NOT NULL,
    -- pending, sent, failed
    status          VARCHAR(20)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(2000),
    -- set once the mail has been reported as long undelivered
    overdue_reported BOOLEAN      NOT NULL DEFAULT FALSE,
    -- recipients the server refused while it accepted the mail for the others
    refused         VARCHAR(4000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_outbox_message_id UNIQUE (message_id)
);
CREATE INDEX ix_outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX ix_outbox_rate ON outbox (purpose, rate_key, created_at);
CREATE INDEX ix_outbox_purpose ON outbox (purpose, created_at);

-- Every message of a case's thread, both ways; Message-IDs here are what replies thread on.
CREATE TABLE case_message (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id     VARCHAR(20)   NOT NULL REFERENCES security_case (id),
    direction   VARCHAR(3)    NOT NULL,
    inbound_id  BIGINT        REFERENCES inbound_message (id),
    outbox_id   BIGINT        REFERENCES outbox (id),
    message_id  VARCHAR(1000),
    sender      VARCHAR(500),
    recipients  VARCHAR(4000),
    subject     VARCHAR(1000),
    kind        VARCHAR(40)   NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_case_message_message_id ON case_message (message_id);
CREATE INDEX ix_case_message_case ON case_message (case_id, id);

-- The event log: who did what to a case, and when.
CREATE TABLE case_event (
    id      BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id VARCHAR(20)   NOT NULL REFERENCES security_case (id),
    at      TIMESTAMP WITH TIME ZONE NOT NULL,
    actor   VARCHAR(500)  NOT NULL,
    type    VARCHAR(60)   NOT NULL,
    detail  VARCHAR(4000)
);
CREATE INDEX ix_case_event_case ON case_event (case_id, id);

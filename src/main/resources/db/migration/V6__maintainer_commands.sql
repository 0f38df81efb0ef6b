-- What maintainers set on a case by command (#assign, #fixed, #credit, #duplicate); severity, CVSS, CWE
-- and the embargo date have their columns already.
ALTER TABLE security_case ADD COLUMN assignee VARCHAR(500);
ALTER TABLE security_case ADD COLUMN fixed_version VARCHAR(100);
-- undecided, credited, declined
ALTER TABLE security_case ADD COLUMN credit_choice VARCHAR(12) NOT NULL DEFAULT 'undecided';
ALTER TABLE security_case ADD COLUMN credit_name VARCHAR(500);
ALTER TABLE security_case ADD COLUMN duplicate_of VARCHAR(20);

-- Signatures that authenticated a maintainer's commands: each is accepted once, so a signed command
-- mailed again (a replay) changes nothing.
CREATE TABLE used_signature (
    digest      CHAR(64)     PRIMARY KEY,
    case_id     VARCHAR(20)  NOT NULL,
    signer      VARCHAR(100) NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What the classifier made of a case's report; maintainers' commands may override the assessment later.
ALTER TABLE security_case ADD COLUMN report_kind VARCHAR(20);
ALTER TABLE security_case ADD COLUMN vuln_class VARCHAR(40);
-- CWE ids, comma-separated, e.g. '79,80'
ALTER TABLE security_case ADD COLUMN cwes VARCHAR(200);
ALTER TABLE security_case ADD COLUMN severity VARCHAR(10);
-- cvss (computed from the reporter's vector), estimate (from the text), maintainer (set by command)
ALTER TABLE security_case ADD COLUMN severity_source VARCHAR(12);
ALTER TABLE security_case ADD COLUMN cvss_vector VARCHAR(300);
ALTER TABLE security_case ADD COLUMN cvss_score DECIMAL(3, 1);
-- completeness items the report lacks, comma-separated, e.g. 'affected-versions,proof-of-concept'
ALTER TABLE security_case ADD COLUMN missing_items VARCHAR(500);
ALTER TABLE security_case ADD COLUMN low_evidence BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE security_case ADD COLUMN unsupported_version VARCHAR(100);
CREATE INDEX ix_case_class ON security_case (vuln_class);

-- What duplicate detection compares a report by: hashed terms and hashed code locations and endpoints,
-- so that this table holds no report text.
CREATE TABLE case_features (
    case_id   VARCHAR(20)   PRIMARY KEY REFERENCES security_case (id),
    -- 'hash:weight' pairs, space-separated, of the report's most frequent terms
    terms     VARCHAR(8000) NOT NULL,
    -- hashes of the files, functions and endpoints the report names, space-separated
    locations VARCHAR(4000) NOT NULL
);

-- Where duplicate detection looks for candidates: MinHash bands of each report's terms, and its code
-- locations, so that a new report is compared with the few cases that share one, not with every case.
CREATE TABLE case_band (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    band_key BIGINT      NOT NULL,
    case_id  VARCHAR(20) NOT NULL REFERENCES security_case (id)
);
CREATE INDEX ix_case_band_key ON case_band (band_key, id);

-- Likely duplicates found when a case was opened: never merged, only pointed out.
CREATE TABLE case_similarity (
    case_id       VARCHAR(20)  NOT NULL REFERENCES security_case (id),
    similar_to    VARCHAR(20)  NOT NULL REFERENCES security_case (id),
    score         DECIMAL(4, 3) NOT NULL,
    reasons       VARCHAR(500) NOT NULL,
    PRIMARY KEY (case_id, similar_to)
);

-- 'inbox retry ID --as-report': process the message as a security report whatever the classifier says.
ALTER TABLE inbound_message ADD COLUMN as_report BOOLEAN NOT NULL DEFAULT FALSE;

-- Why an encrypted report could not be read, when it could not (the raw message is kept either way).
ALTER TABLE security_case ADD COLUMN decryption_failure VARCHAR(1000);

-- Each inbound message's OpenPGP facts: whether it was encrypted, and its signature.
ALTER TABLE case_message ADD COLUMN encrypted BOOLEAN NOT NULL DEFAULT FALSE;
-- none, valid, invalid, unknown-key
ALTER TABLE case_message ADD COLUMN signature VARCHAR(20);
ALTER TABLE case_message ADD COLUMN signer_fingerprint VARCHAR(100);
-- true when the signature covers the whole message, not a part wrapped in unsigned content
ALTER TABLE case_message ADD COLUMN signature_whole BOOLEAN NOT NULL DEFAULT FALSE;

-- Public keys learned from reporters: keys attached to their mail, or in an Autocrypt header. Mail to an
-- address is encrypted to its newest key.
CREATE TABLE known_key (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    address     VARCHAR(500)  NOT NULL,
    fingerprint VARCHAR(100)  NOT NULL,
    armored     CLOB          NOT NULL,
    source      VARCHAR(40)   NOT NULL,
    learned_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_known_key UNIQUE (address, fingerprint)
);
CREATE INDEX ix_known_key_address ON known_key (address, id);

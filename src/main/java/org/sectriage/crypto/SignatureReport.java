package org.sectriage.crypto;

import java.util.Objects;

/**
 * What the OpenPGP signature on one message says.
 *
 * @param status whether there is a signature and whether it verified
 * @param signerFingerprint the fingerprint of the signer's primary key when known, else the issuer key id or
 *     fingerprint from the signature, else empty
 * @param coversWholeMessage whether the signature covers the whole message body, rather than one part wrapped
 *     inside unsigned content
 * @param signing what a valid signature commits to, as a hex digest: the signer, the hashed part of the signature
 *     (its creation time among it) and the data it signs; the same however the signature is carried (cleartext,
 *     PGP/MIME, inside an encrypted block) or its unhashed area changed, so that it names one signing. Empty unless
 *     valid
 */
public record SignatureReport(Status status, String signerFingerprint, boolean coversWholeMessage, String signing) {

    /** The verification status of a signature. */
    public enum Status {
        /** No OpenPGP signature was found. */
        NOT_SIGNED,
        /** The signature is mathematically valid for a known key. */
        VALID,
        /** The signature does not match the signed content (or is malformed). */
        INVALID,
        /** The signature was made by a key that is not in the known set. */
        UNKNOWN_KEY
    }

    /** Checks the fields are set. */
    public SignatureReport {
        Objects.requireNonNull(status, "status");
        signerFingerprint = signerFingerprint == null ? "" : signerFingerprint;
        signing = signing == null ? "" : signing;
    }

    /** A report that names no signing: not signed, or not valid. */
    public SignatureReport(Status status, String signerFingerprint, boolean coversWholeMessage) {
        this(status, signerFingerprint, coversWholeMessage, "");
    }

    /** The report for a message without a signature. */
    public static SignatureReport notSigned() {
        return new SignatureReport(Status.NOT_SIGNED, "", false);
    }

    /** Whether a signature was found at all. */
    public boolean hasSignature() {
        return status != Status.NOT_SIGNED;
    }

    /** Whether the message counts as signed: a valid signature by a known key over the whole message. */
    public boolean signed() {
        return status == Status.VALID && coversWholeMessage;
    }

    /** This report, marked as covering only part of the message. */
    SignatureReport partial() {
        return new SignatureReport(status, signerFingerprint, false, signing);
    }
}

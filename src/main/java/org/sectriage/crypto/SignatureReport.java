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
 */
public record SignatureReport(Status status, String signerFingerprint, boolean coversWholeMessage) {

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
        return new SignatureReport(status, signerFingerprint, false);
    }
}

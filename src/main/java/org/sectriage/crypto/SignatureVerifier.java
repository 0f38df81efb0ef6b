package org.sectriage.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.mail.MessagingException;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Verifies the OpenPGP signature of an inbound message: PGP/MIME (RFC 3156 multipart/signed) or an inline
 * cleartext signature, against a set of known public keys.
 */
public final class SignatureVerifier {

    private final PublicKeySet knownKeys;

    /** A verifier that trusts signatures made by {@code knownKeys}. */
    public SignatureVerifier(PublicKeySet knownKeys) {
        this.knownKeys = knownKeys;
    }

    /**
     * The signature report for the raw message {@code rawMessage}. A signature on the top-level entity covers the
     * whole message; one found deeper inside (a signed part forwarded inside unsigned text) is reported as partial.
     */
    public SignatureReport verify(byte[] rawMessage) {
        try {
            RawMimeEntity message = RawMimeEntity.ofMessage(rawMessage);
            return find(message, true).orElse(SignatureReport.notSigned());
        } catch (MessagingException | IOException | RuntimeException e) {
            return new SignatureReport(SignatureReport.Status.INVALID, "", false);
        }
    }

    private Optional<SignatureReport> find(RawMimeEntity entity, boolean topLevel)
            throws MessagingException, IOException {
        if (entity.isMimeType("multipart/signed")) {
            String protocol = entity.contentType().getParameter("protocol");
            List<RawMimeEntity> parts = entity.parts();
            if ("application/pgp-signature".equalsIgnoreCase(protocol) && parts.size() == 2) {
                String armored = new String(parts.get(1).decodedBody(), StandardCharsets.US_ASCII);
                SignatureReport report = check(parts.get(0).bytes(), armored);
                return Optional.of(topLevel ? report : report.partial());
            }
        }
        if (entity.isMimeType("multipart/*")) {
            for (RawMimeEntity part : entity.parts()) {
                Optional<SignatureReport> inner = find(part, false);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        if (entity.isMimeType("text/plain")) {
            Optional<CleartextSignedText> cleartext = CleartextSignedText.find(entity.decodedBody());
            if (cleartext.isPresent()) {
                SignatureReport report = check(cleartext.get().signedData(), cleartext.get().armoredSignature());
                return Optional.of(topLevel && !cleartext.get().surrounded() ? report : report.partial());
            }
        }
        return Optional.empty();
    }

    /**
     * The report for the signatures that came inside encrypted data (gpg's sign-and-encrypt in one, as
     * Thunderbird and mutt send it in PGP/MIME and Mailvelope in an inline block), over the plaintext they sign;
     * partial unless that is all the message says. A text-mode signature is checked over the CRLF form of the data.
     */
    public SignatureReport verifyEmbedded(EmbeddedSignatures signatures) {
        byte[] signedData = signatures.signedData();
        SignatureReport best = SignatureReport.notSigned();
        for (byte[] encoded : signatures.packets()) {
            best = check(signedData, encoded);
            if (best.status() == SignatureReport.Status.VALID) {
                break;
            }
        }
        return signatures.wholeMessage() || !best.hasSignature() ? best : best.partial();
    }

    private SignatureReport check(byte[] signedData, String armoredSignature) {
        return check(signedData, armoredSignature.getBytes(StandardCharsets.US_ASCII));
    }

    private SignatureReport check(byte[] signedData, byte[] encodedSignature) {
        PGPSignature signature;
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(encodedSignature))) {
            Object next = new BcPGPObjectFactory(in).nextObject();
            if (!(next instanceof PGPSignatureList list) || list.isEmpty()) {
                return new SignatureReport(SignatureReport.Status.INVALID, "", true);
            }
            signature = list.get(0);
        } catch (IOException | RuntimeException e) {
            return new SignatureReport(SignatureReport.Status.INVALID, "", true);
        }
        Optional<PublicKeySet.KeyInRing> signer = knownKeys.find(signature.getKeyIdentifiers());
        if (signer.isEmpty()) {
            String issuer = signature.getKeyIdentifiers().isEmpty()
                    ? "" : KeyIds.hex(signature.getKeyIdentifiers().get(0));
            return new SignatureReport(SignatureReport.Status.UNKNOWN_KEY, issuer, true);
        }
        String fingerprint = KeyIds.fingerprint(signer.get().ring().getPublicKey());
        try {
            signature.init(new BcPGPContentVerifierBuilderProvider(), signer.get().key());
            byte[] hashed = signature.getSignatureType() == PGPSignature.CANONICAL_TEXT_DOCUMENT
                    ? crlf(signedData) : signedData;
            signature.update(hashed);
            if (!signature.verify()) {
                return new SignatureReport(SignatureReport.Status.INVALID, fingerprint, true);
            }
            return new SignatureReport(SignatureReport.Status.VALID, fingerprint, true,
                    signing(fingerprint, signature, hashed));
        } catch (PGPException | RuntimeException e) {
            return new SignatureReport(SignatureReport.Status.INVALID, fingerprint, true);
        }
    }

    /** What {@code signature}, valid, by {@code fingerprint} over {@code hashed} commits to (see {@link SignatureReport}). */
    private static String signing(String fingerprint, PGPSignature signature, byte[] hashed) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] data = digest.digest(hashed);
            digest.update(fingerprint.getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) 0);
            digest.update(signature.getSignatureTrailer());
            digest.update(data);
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** {@code data} with every line ending CRLF, the canonical form a text-mode signature covers. */
    private static byte[] crlf(byte[] data) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(data.length + data.length / 40);
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n' && (i == 0 || data[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(data[i]);
        }
        return out.toByteArray();
    }
}

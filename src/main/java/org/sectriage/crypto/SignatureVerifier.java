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

    private SignatureReport check(byte[] signedData, String armoredSignature) {
        PGPSignature signature;
        try (InputStream in = PGPUtil.getDecoderStream(
                new ByteArrayInputStream(armoredSignature.getBytes(StandardCharsets.US_ASCII)))) {
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
            signature.update(signedData);
            boolean valid = signature.verify();
            return new SignatureReport(valid ? SignatureReport.Status.VALID : SignatureReport.Status.INVALID,
                    fingerprint, true);
        } catch (PGPException | RuntimeException e) {
            return new SignatureReport(SignatureReport.Status.INVALID, fingerprint, true);
        }
    }
}

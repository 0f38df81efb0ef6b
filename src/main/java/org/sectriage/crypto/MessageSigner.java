package org.sectriage.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Locale;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;

/**
 * Makes detached OpenPGP signatures (v4, SHA-512) with the signing key of the first ring of a {@link SecretKeySet}:
 * RSA, Ed25519 or any other signing algorithm Bouncy Castle knows. The key is unlocked once, when the signer is
 * made, so a wrong passphrase shows at start rather than at the first mail. Safe for use by several threads.
 */
public final class MessageSigner {

    /** How the signed bytes are read: as they are, or as text whose line endings do not matter (RFC 9580 5.2.1). */
    public enum DataKind {
        /** A binary document signature (type 0x00): the bytes exactly. */
        BINARY(PGPSignature.BINARY_DOCUMENT),
        /** A canonical text signature (type 0x01): line endings read as CRLF, as PGP/MIME signs. */
        TEXT(PGPSignature.CANONICAL_TEXT_DOCUMENT);

        private final int signatureType;

        DataKind(int signatureType) {
            this.signatureType = signatureType;
        }
    }

    private static final int HASH = HashAlgorithmTags.SHA512;

    private final SecretKeySet.SigningKey key;
    private final Clock clock;

    /**
     * A signer with the signing key of the first ring of {@code keys}, valid now on {@code clock}, which also dates
     * the signatures.
     *
     * @throws NoSigningKeyException when {@code keys} is empty or its first ring has no usable signing key
     * @throws WrongPassphraseException when the configured passphrase does not unlock that key
     */
    public MessageSigner(SecretKeySet keys, Clock clock) throws NoSigningKeyException, WrongPassphraseException {
        this.key = keys.signingKey(clock.instant());
        this.clock = clock;
    }

    /** The detached signature over {@code data}, as a binary OpenPGP signature packet. */
    public byte[] sign(byte[] data, DataKind kind) {
        try {
            return signature(data, kind).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
    }

    /** The detached signature over {@code data}, ASCII-armored ("BEGIN PGP SIGNATURE"). */
    public String signArmored(byte[] data, DataKind kind) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored = ArmoredOutputStream.builder().clearHeaders().build(bytes)) {
            signature(data, kind).encode(armored);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    /** The fingerprint of the signer's primary key, in upper-case hex, as recipients see it. */
    public String signerFingerprint() {
        return KeyIds.fingerprint(key.primaryKey());
    }

    /** The RFC 3156 {@code micalg} parameter naming the hash of these signatures: {@code pgp-sha512}. */
    public String micalg() {
        try {
            return "pgp-" + PGPUtil.getDigestName(HASH).toLowerCase(Locale.ROOT);
        } catch (PGPException e) {
            throw new IllegalStateException("no digest for hash algorithm " + HASH, e);
        }
    }

    private PGPSignature signature(byte[] data, DataKind kind) {
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(key.publicKey().getAlgorithm(), HASH), key.publicKey());
            generator.init(kind.signatureType, key.privateKey());
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setSignatureCreationTime(false, Date.from(clock.instant()));
            hashed.setIssuerFingerprint(false, key.publicKey());
            generator.setHashedSubpackets(hashed.generate());
            PGPSignatureSubpacketGenerator unhashed = new PGPSignatureSubpacketGenerator();
            unhashed.setIssuerKeyID(false, key.publicKey().getKeyID());
            generator.setUnhashedSubpackets(unhashed.generate());
            generator.update(data);
            return generator.generate();
        } catch (PGPException e) {
            throw new IllegalStateException("signing with key " + KeyIds.keyId(key.publicKey()) + " failed: "
                    + e.getMessage(), e);
        }
    }
}

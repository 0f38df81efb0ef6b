package org.sectriage.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSessionKey;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyDataDecryptorFactoryBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JceSessionKeyDataDecryptorFactoryBuilder;

/**
 * Decrypts one OpenPGP message (armored or binary) into its literal data, releasing it only after the integrity
 * check passed; refuses unprotected messages, obsolete ciphers and compression bombs.
 */
final class OpenPgpPayloadDecryptor {

    private static final Set<Integer> OBSOLETE_CIPHERS = Set.of(
            SymmetricKeyAlgorithmTags.NULL,
            SymmetricKeyAlgorithmTags.IDEA,
            SymmetricKeyAlgorithmTags.TRIPLE_DES,
            SymmetricKeyAlgorithmTags.CAST5,
            SymmetricKeyAlgorithmTags.BLOWFISH,
            SymmetricKeyAlgorithmTags.SAFER,
            SymmetricKeyAlgorithmTags.DES);

    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
    private static final JcePublicKeyDataDecryptorFactoryBuilder DECRYPTORS =
            new JcePublicKeyDataDecryptorFactoryBuilder().setProvider(PROVIDER);
    private static final JceSessionKeyDataDecryptorFactoryBuilder SESSION_DECRYPTORS =
            new JceSessionKeyDataDecryptorFactoryBuilder().setProvider(PROVIDER);

    private final SecretKeySet keys;

    OpenPgpPayloadDecryptor(SecretKeySet keys) {
        this.keys = keys;
    }

    /**
     * What an OpenPGP message holds: its literal data, and the signature packets that came with it inside
     * the encryption (sign-and-encrypt in one), encoded, to be verified against known keys.
     */
    record Payload(byte[] literal, List<byte[]> signatures) {
    }

    /**
     * The literal data of the OpenPGP message in {@code encrypted}, after its integrity check passed, read by
     * {@code plaintext}, the reader (and limits) of the whole mail it is part of.
     */
    byte[] decrypt(byte[] encrypted, BoundedReader plaintext) throws UndecryptableMessageException {
        return decryptPayload(encrypted, plaintext).literal();
    }

    /** The literal data and the embedded signatures of the OpenPGP message in {@code encrypted}. */
    Payload decryptPayload(byte[] encrypted, BoundedReader plaintext) throws UndecryptableMessageException {
        List<KeyIdentifier> recipients = new ArrayList<>();
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(encrypted))) {
            PGPEncryptedDataList list = encryptedDataList(new BcPGPObjectFactory(in));
            for (PGPEncryptedData data : list) {
                if (data instanceof PGPPublicKeyEncryptedData pk) {
                    recipients.add(pk.getKeyIdentifier());
                }
            }
            for (PGPEncryptedData data : list) {
                plaintext.checkDeadline();
                if (data instanceof PGPPublicKeyEncryptedData pk) {
                    for (PGPPrivateKey key : keys.privateKeysFor(pk.getKeyIdentifier())) {
                        PGPSessionKey sessionKey;
                        try {
                            sessionKey = pk.getSessionKey(DECRYPTORS.build(key));
                        } catch (PGPException wrongHiddenKey) {
                            if (pk.getKeyIdentifier().isWildcard()) {
                                continue;
                            }
                            throw wrongHiddenKey;
                        }
                        return decryptWith(pk, sessionKey, plaintext, recipients);
                    }
                }
            }
            throw new NoMatchingKeyException(recipients);
        } catch (IOException | PGPException | RuntimeException e) {
            throw new UndecryptableMessageException(DecryptionFailure.CORRUPT_DATA,
                    "unreadable OpenPGP data: " + e.getMessage(), e);
        }
    }

    /** The literal data under {@code pk}, decrypted with its {@code sessionKey}, recovered once by the caller. */
    private Payload decryptWith(PGPPublicKeyEncryptedData pk, PGPSessionKey sessionKey, BoundedReader reader,
            List<KeyIdentifier> recipients) throws IOException, PGPException, UndecryptableMessageException {
        int cipher = sessionKey.getAlgorithm();
        // AEAD (GnuPG 2.3 and later: the OCB packet, tag 20; SEIPD v2) protects integrity too, though BC
        // calls only the MDC packet "integrity protected"
        if (!pk.isIntegrityProtected() && !pk.isAEAD()) {
            throw new UndecryptableMessageException(DecryptionFailure.NO_INTEGRITY_PROTECTION,
                    "message has neither an MDC nor AEAD; it could have been altered (EFAIL) and is refused",
                    recipients);
        }
        if (OBSOLETE_CIPHERS.contains(cipher)) {
            throw new UndecryptableMessageException(DecryptionFailure.OBSOLETE_CIPHER,
                    "message is encrypted with obsolete cipher " + SymmetricCipherNames.name(cipher), recipients);
        }
        byte[] literal;
        List<byte[]> signatures = new ArrayList<>();
        try (InputStream clear = pk.getDataStream(SESSION_DECRYPTORS.build(sessionKey))) {
            literal = readLiteral(new BcPGPObjectFactory(clear), reader, false, signatures);
            reader.readAll(clear);
        } catch (IOException e) {
            if (pk.isAEAD()) {
                throw new UndecryptableMessageException(DecryptionFailure.INTEGRITY_CHECK_FAILED,
                        "AEAD authentication failed: " + e.getMessage(), e);
            }
            throw e;
        }
        if (!pk.isAEAD() && !pk.verify()) {
            throw new UndecryptableMessageException(DecryptionFailure.INTEGRITY_CHECK_FAILED,
                    "modification detection code does not match: the ciphertext was altered", recipients);
        }
        return new Payload(literal, List.copyOf(signatures));
    }

    private static PGPEncryptedDataList encryptedDataList(BcPGPObjectFactory factory)
            throws IOException, UndecryptableMessageException {
        Object next = factory.nextObject();
        while (next instanceof PGPMarker) {
            next = factory.nextObject();
        }
        if (next instanceof PGPEncryptedDataList list) {
            return list;
        }
        if (next instanceof PGPCompressedData || next instanceof PGPOnePassSignatureList
                || next instanceof PGPSignatureList || next instanceof PGPLiteralData) {
            throw new UndecryptableMessageException(DecryptionFailure.NOT_ENCRYPTED,
                    "expected encrypted data, found " + next.getClass().getSimpleName() + ": signed, not encrypted",
                    List.of());
        }
        throw new UndecryptableMessageException(DecryptionFailure.CORRUPT_DATA,
                "expected encrypted data, found " + (next == null ? "nothing" : next.getClass().getSimpleName()),
                List.of());
    }

    private byte[] readLiteral(BcPGPObjectFactory factory, BoundedReader reader, boolean insideCompression,
            List<byte[]> signatures) throws IOException, PGPException, UndecryptableMessageException {
        byte[] literal = null;
        Object next;
        while ((next = factory.nextObject()) != null) {
            if (next instanceof PGPCompressedData compressed) {
                if (insideCompression) {
                    throw new UndecryptableMessageException(DecryptionFailure.COMPRESSION_BOMB,
                            "compressed data nested inside compressed data", List.of());
                }
                literal = readLiteral(new BcPGPObjectFactory(compressed.getDataStream()), reader, true, signatures);
            } else if (next instanceof PGPLiteralData data) {
                if (literal != null) {
                    throw new UndecryptableMessageException(DecryptionFailure.CORRUPT_DATA,
                            "more than one literal data packet", List.of());
                }
                literal = reader.readAll(data.getInputStream());
            } else if (next instanceof PGPSignatureList list) {
                for (org.bouncycastle.openpgp.PGPSignature signature : list) {
                    signatures.add(signature.getEncoded());
                }
            } else if (!(next instanceof PGPOnePassSignatureList) && !(next instanceof PGPMarker)) {
                throw new UndecryptableMessageException(DecryptionFailure.CORRUPT_DATA,
                        "unexpected " + next.getClass().getSimpleName() + " inside the encrypted data", List.of());
            }
        }
        if (literal == null && !insideCompression) {
            throw new UndecryptableMessageException(DecryptionFailure.CORRUPT_DATA,
                    "encrypted data holds no literal data", List.of());
        }
        return literal == null ? new byte[0] : literal;
    }
}

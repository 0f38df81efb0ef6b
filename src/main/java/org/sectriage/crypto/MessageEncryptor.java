package org.sectriage.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

/**
 * Encrypts bytes to one or more recipients' public keys as an armored OpenPGP message (AES-256 with an MDC,
 * the SEIPD v1 form every v4 implementation reads, GnuPG 2.2 included).
 */
public final class MessageEncryptor {

    private final SecureRandom random;

    /** An encryptor drawing session keys from {@code random}. */
    public MessageEncryptor(SecureRandom random) {
        this.random = random;
    }

    /** {@code plaintext} encrypted to every ring in {@code recipients}, ASCII-armored. */
    public byte[] encrypt(byte[] plaintext, List<PGPPublicKeyRing> recipients)
            throws PGPException, NoEncryptionKeyException {
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(
                new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                        .setWithIntegrityPacket(true).setSecureRandom(random));
        for (PGPPublicKeyRing ring : recipients) {
            generator.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(encryptionKey(ring))
                    .setSecureRandom(random));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(plaintext.length + 1024);
        try (ArmoredOutputStream armored = ArmoredOutputStream.builder().clearHeaders().build(bytes);
                OutputStream encrypted = generator.open(armored, new byte[1 << 16]);
                OutputStream literal = new PGPLiteralDataGenerator().open(encrypted, PGPLiteralData.BINARY,
                        "", plaintext.length, new Date(0))) {
            literal.write(plaintext);
        } catch (IOException e) {
            throw new PGPException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** The key of {@code ring} to encrypt to: a valid encryption subkey, else an encryption-capable primary key. */
    static PGPPublicKey encryptionKey(PGPPublicKeyRing ring) throws NoEncryptionKeyException {
        List<PGPPublicKey> candidates = new ArrayList<>();
        Iterator<PGPPublicKey> keys = ring.getPublicKeys();
        while (keys.hasNext()) {
            PGPPublicKey key = keys.next();
            if (key.isEncryptionKey() && !key.hasRevocation()) {
                candidates.add(key);
            }
        }
        return candidates.stream().filter(k -> !k.isMasterKey()).reduce((a, b) -> b)
                .or(() -> candidates.stream().findFirst())
                .orElseThrow(() -> new NoEncryptionKeyException(KeyIds.fingerprint(ring.getPublicKey())));
    }
}

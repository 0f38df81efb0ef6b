package org.sectriage.crypto;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Date;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

/** OpenPGP messages GnuPG will not make but an attacker can: built with Bouncy Castle for the tests. */
final class HostileMessages {

    private HostileMessages() {
    }

    /**
     * {@code literal} encrypted to {@code recipient} as GnuPG 2.3 and later do for a key that offers AEAD:
     * the LibrePGP OCB packet (tag 20), no MDC. Integrity protected, so to be read, not refused.
     */
    static byte[] ocbEncrypted(PGPPublicKeyRing recipient, byte[] literal) throws Exception {
        SecureRandom random = new SecureRandom();
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(
                new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                        .setUseV5AEAD().setWithAEAD(org.bouncycastle.bcpg.AEADAlgorithmTags.OCB, 6)
                        .setSecureRandom(random));
        generator.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(
                MessageEncryptor.encryptionKey(recipient)).setSecureRandom(random));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored = ArmoredOutputStream.builder().clearHeaders().build(bytes);
                OutputStream encrypted = generator.open(armored, new byte[1 << 16]);
                OutputStream out = new PGPLiteralDataGenerator().open(encrypted, PGPLiteralData.BINARY, "",
                        literal.length, new Date(0))) {
            out.write(literal);
        }
        return bytes.toByteArray();
    }

    /**
     * An armored message encrypting {@code size} zero bytes, compressed {@code depth} times over (depth 1 is a
     * normal compressed message; 2 nests compression), with an MDC.
     */
    static byte[] compressedZeros(PGPPublicKeyRing recipient, int size, int depth) throws Exception {
        SecureRandom random = new SecureRandom();
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(
                new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                        .setWithIntegrityPacket(true).setSecureRandom(random));
        generator.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(
                MessageEncryptor.encryptionKey(recipient)).setSecureRandom(random));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored = ArmoredOutputStream.builder().clearHeaders().build(bytes);
                OutputStream encrypted = generator.open(armored, new byte[1 << 16])) {
            OutputStream target = encrypted;
            PGPCompressedDataGenerator[] compressors = new PGPCompressedDataGenerator[depth];
            for (int i = 0; i < depth; i++) {
                compressors[i] = new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZLIB);
                target = compressors[i].open(target, new byte[1 << 16]);
            }
            PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
            try (OutputStream out = literal.open(target, PGPLiteralData.BINARY, "", size, new Date(0))) {
                byte[] zeros = new byte[64 * 1024];
                for (int written = 0; written < size; written += zeros.length) {
                    out.write(zeros, 0, Math.min(zeros.length, size - written));
                }
            }
            for (int i = depth - 1; i >= 0; i--) {
                compressors[i].close();
            }
        }
        return bytes.toByteArray();
    }
}

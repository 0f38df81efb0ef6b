package org.sectriage.bench;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyDataDecryptorFactoryBuilder;

/**
 * The ceiling for decrypting reports: Bouncy Castle and nothing else. The armored block is cut out of
 * the raw PGP/MIME message and decrypted with the encryption key, unlocked once; the literal data is
 * read and the integrity check (MDC) verified. No MIME parsing, no limits, no policy.
 */
final class BareDecryption {

    private static final String BEGIN = "-----BEGIN PGP MESSAGE-----";
    private static final String END = "-----END PGP MESSAGE-----";
    private static final JcePublicKeyDataDecryptorFactoryBuilder DECRYPTORS =
            new JcePublicKeyDataDecryptorFactoryBuilder().setProvider(new BouncyCastleProvider());

    private final PGPPrivateKey encryptionKey;

    /** Unlocks the encryption subkey of {@code ring}. */
    BareDecryption(PGPSecretKeyRing ring, char[] passphrase) throws PGPException {
        PGPPrivateKey found = null;
        for (PGPSecretKey secret : ring) {
            if (secret.getPublicKey().isEncryptionKey()) {
                found = secret.extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(
                        new BcPGPDigestCalculatorProvider()).build(passphrase));
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("the key ring has no encryption key");
        }
        this.encryptionKey = found;
    }

    /** The plaintext of the PGP/MIME message {@code raw}. */
    byte[] decrypt(byte[] raw) throws Exception {
        String text = new String(raw, StandardCharsets.US_ASCII);
        String armored = text.substring(text.indexOf(BEGIN), text.indexOf(END) + END.length());
        try (InputStream in = PGPUtil.getDecoderStream(
                new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII)))) {
            PGPEncryptedDataList list = (PGPEncryptedDataList) new BcPGPObjectFactory(in).nextObject();
            for (PGPEncryptedData data : list) {
                PGPPublicKeyEncryptedData pk = (PGPPublicKeyEncryptedData) data;
                if (pk.getKeyIdentifier().getKeyId() == encryptionKey.getKeyID()) {
                    byte[] plaintext;
                    try (InputStream clear = pk.getDataStream(DECRYPTORS.build(encryptionKey))) {
                        PGPLiteralData literal = (PGPLiteralData) new BcPGPObjectFactory(clear).nextObject();
                        plaintext = literal.getInputStream().readAllBytes();
                    }
                    if (!pk.verify()) {
                        throw new IllegalStateException("MDC mismatch");
                    }
                    return plaintext;
                }
            }
        }
        throw new IllegalStateException("not encrypted to the benchmark key");
    }
}

package org.sectriage.crypto;

import java.security.SecureRandom;
import java.util.Date;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.PGPKeyPairGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPairGeneratorProvider;

/** Generates the project's security key: a v4 OpenPGP key pair for one user id, protected by a passphrase. */
public final class SecurityKeyGenerator {

    private final SecureRandom random;

    /** A generator drawing randomness from {@code random}. */
    public SecurityKeyGenerator(SecureRandom random) {
        this.random = random;
    }

    /** A new secret key ring for {@code userId} (e.g. "Example Security Team &lt;security@example.org&gt;"). */
    public PGPSecretKeyRing generate(String userId, KeyAlgorithm algorithm, char[] passphrase, Date created)
            throws PGPException {
        PGPKeyPairGenerator pairs = new BcPGPKeyPairGeneratorProvider().setSecureRandom(random)
                .get(PublicKeyPacket.VERSION_4, created);
        PGPKeyPair primary = algorithm == KeyAlgorithm.CURVE25519
                ? pairs.generateLegacyEd25519KeyPair() : pairs.generateRsaKeyPair(algorithm.rsaBits());
        PGPKeyPair encryption = algorithm == KeyAlgorithm.CURVE25519
                ? pairs.generateLegacyX25519KeyPair() : pairs.generateRsaKeyPair(algorithm.rsaBits());

        PGPSignatureSubpacketGenerator primaryPackets = new PGPSignatureSubpacketGenerator();
        primaryPackets.setKeyFlags(true, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
        primaryPackets.setPreferredSymmetricAlgorithms(false, new int[] {
            SymmetricKeyAlgorithmTags.AES_256, SymmetricKeyAlgorithmTags.AES_128});
        primaryPackets.setPreferredHashAlgorithms(false, new int[] {
            HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256});
        primaryPackets.setFeature(false, Features.FEATURE_MODIFICATION_DETECTION);
        PGPSignatureSubpacketGenerator subkeyPackets = new PGPSignatureSubpacketGenerator();
        subkeyPackets.setKeyFlags(true, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);

        BcPGPDigestCalculatorProvider digests = new BcPGPDigestCalculatorProvider();
        PGPDigestCalculator sha1 = digests.get(HashAlgorithmTags.SHA1);
        PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, primary, userId,
                sha1, primaryPackets.generate(), null,
                new BcPGPContentSignerBuilder(primary.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA512),
                new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256,
                        digests.get(HashAlgorithmTags.SHA256), 0xc0).setSecureRandom(random).build(passphrase));
        rings.addSubKey(encryption, subkeyPackets.generate(), null);
        return rings.generateSecretKeyRing();
    }
}

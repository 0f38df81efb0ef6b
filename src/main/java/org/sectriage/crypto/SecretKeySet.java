package org.sectriage.crypto;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/**
 * The secret keys security@ decrypts with: several rings, so that a rotated-out key still opens old mail.
 * Each ring is unlocked with its own passphrase. A key is unlocked (its passphrase run through the key's S2K, slow
 * on purpose) the first time it is needed, and kept unlocked in memory from then on, as its passphrase is.
 * Safe for use by several threads.
 */
public final class SecretKeySet {

    /** One secret key ring, the passphrase that unlocks it, and its keys unlocked so far, by key id. */
    private record UnlockableRing(PGPSecretKeyRing ring, char[] passphrase, Map<Long, PGPPrivateKey> unlocked) {

        /** The private key of {@code secret}, a key of this ring: unlocked once, then remembered. */
        PGPPrivateKey unlock(PGPSecretKey secret) throws PGPException {
            PGPPrivateKey known = unlocked.get(secret.getKeyID());
            if (known != null) {
                return known;
            }
            PGPPrivateKey key = secret.extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(
                    new BcPGPDigestCalculatorProvider()).build(passphrase));
            unlocked.put(secret.getKeyID(), key);
            return key;
        }
    }

    /**
     * The key that signs outgoing mail, unlocked.
     *
     * @param publicKey the signing (sub)key
     * @param privateKey its unlocked private key
     * @param primaryKey the primary key of its ring, whose fingerprint names the signer
     */
    record SigningKey(PGPPublicKey publicKey, PGPPrivateKey privateKey, PGPPublicKey primaryKey) {
    }

    private final List<UnlockableRing> rings;

    private SecretKeySet(List<UnlockableRing> rings) {
        this.rings = List.copyOf(rings);
    }

    /** An empty set, to which rings are added with {@link #with}. */
    public static SecretKeySet empty() {
        return new SecretKeySet(List.of());
    }

    /** This set with {@code ring}, unlocked by {@code passphrase} (empty for an unprotected key), added. */
    public SecretKeySet with(PGPSecretKeyRing ring, char[] passphrase) {
        List<UnlockableRing> more = new ArrayList<>(rings);
        more.add(new UnlockableRing(ring, passphrase.clone(), new ConcurrentHashMap<>()));
        return new SecretKeySet(more);
    }

    /** This set with every secret ring in {@code keyFile} added, unlocked by the passphrase in {@code passphraseFile}. */
    public SecretKeySet withFiles(Path keyFile, Path passphraseFile) throws IOException, InvalidKeyFileException {
        char[] passphrase = KeyFiles.readPassphrase(passphraseFile);
        SecretKeySet set = this;
        for (PGPSecretKeyRing ring : KeyFiles.readSecretKeyRings(keyFile)) {
            set = set.with(ring, passphrase);
        }
        java.util.Arrays.fill(passphrase, '\0');
        return set;
    }

    /**
     * Checks that every ring's passphrase unlocks its secret keys, so that a wrong passphrase is found when
     * sectriage starts rather than when the first encrypted report arrives.
     *
     * @throws PGPException naming the fingerprint of the key that does not unlock
     */
    public void checkUnlocks() throws PGPException {
        for (UnlockableRing entry : rings) {
            Iterator<PGPSecretKey> it = entry.ring().getSecretKeys();
            while (it.hasNext()) {
                PGPSecretKey secret = it.next();
                if (secret.isPrivateKeyEmpty()) {
                    continue;
                }
                try {
                    secret.extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
                            .build(entry.passphrase()));
                } catch (PGPException e) {
                    throw new PGPException("the passphrase does not unlock key "
                            + KeyIds.fingerprint(entry.ring().getPublicKey()) + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** The fingerprints of the primary keys of this set's rings, in order. */
    public List<String> fingerprints() {
        return rings.stream().map(r -> KeyIds.fingerprint(r.ring().getPublicKey())).toList();
    }

    /** The secret key rings in this set, in the order they were added. */
    public List<PGPSecretKeyRing> rings() {
        return rings.stream().map(UnlockableRing::ring).toList();
    }

    /**
     * The unlocked private keys that may decrypt a session key addressed to {@code recipient}:
     * the one matching key, or every encryption-capable key when the recipient is hidden (wildcard).
     */
    List<PGPPrivateKey> privateKeysFor(KeyIdentifier recipient) throws PGPException {
        List<PGPPrivateKey> keys = new ArrayList<>();
        for (UnlockableRing entry : rings) {
            Iterator<PGPSecretKey> it = entry.ring().getSecretKeys();
            while (it.hasNext()) {
                PGPSecretKey secret = it.next();
                PGPPublicKey pub = secret.getPublicKey();
                boolean matches = recipient.isWildcard()
                        ? pub.isEncryptionKey()
                        : recipient.matches(pub.getKeyIdentifier());
                if (matches && !secret.isPrivateKeyEmpty()) {
                    keys.add(entry.unlock(secret));
                }
            }
        }
        return keys;
    }

    /**
     * The unlocked key that signs for this set at {@code now}: of the first ring, the newest signing subkey that
     * is neither revoked nor expired and whose secret part is present, else its primary key if that may sign.
     */
    SigningKey signingKey(Instant now) throws NoSigningKeyException, WrongPassphraseException {
        if (rings.isEmpty()) {
            throw new NoSigningKeyException("", "the set holds no secret key ring");
        }
        UnlockableRing first = rings.get(0);
        PGPPublicKey primary = first.ring().getPublicKey();
        String fingerprint = KeyIds.fingerprint(primary);
        List<PGPSecretKey> candidates = new ArrayList<>();
        first.ring().getSecretKeys().forEachRemaining(secret -> {
            if (!secret.isPrivateKeyEmpty() && maySign(secret.getPublicKey(), now)) {
                candidates.add(secret);
            }
        });
        Optional<PGPSecretKey> chosen = candidates.stream().filter(k -> !k.isMasterKey())
                .max(Comparator.comparing(k -> k.getPublicKey().getCreationTime()))
                .or(() -> candidates.stream().filter(PGPSecretKey::isMasterKey).findFirst());
        if (chosen.isEmpty()) {
            throw new NoSigningKeyException(fingerprint,
                    "it has no signing key that is present, unrevoked and unexpired at " + now);
        }
        PGPSecretKey secret = chosen.get();
        try {
            return new SigningKey(secret.getPublicKey(), first.unlock(secret), primary);
        } catch (PGPException e) {
            throw new WrongPassphraseException(fingerprint, KeyIds.keyId(secret.getPublicKey()));
        }
    }

    /** Whether {@code key} is flagged for signing data (or, without key flags, is a primary key of a signing algorithm). */
    private static boolean maySign(PGPPublicKey key, Instant now) {
        if (key.hasRevocation()) {
            return false;
        }
        long validSeconds = key.getValidSeconds();
        if (validSeconds > 0 && key.getCreationTime().toInstant().plusSeconds(validSeconds).isBefore(now)) {
            return false;
        }
        Optional<Integer> flags = keyFlags(key);
        if (flags.isPresent()) {
            return (flags.get() & KeyFlags.SIGN_DATA) != 0;
        }
        return key.isMasterKey() && switch (key.getAlgorithm()) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_SIGN, PublicKeyAlgorithmTags.DSA,
                    PublicKeyAlgorithmTags.ECDSA, PublicKeyAlgorithmTags.EDDSA_LEGACY, PublicKeyAlgorithmTags.Ed25519,
                    PublicKeyAlgorithmTags.Ed448 -> true;
            default -> false;
        };
    }

    /** The key flags of the newest self-signature (binding signature of a subkey) that carries them. */
    private static Optional<Integer> keyFlags(PGPPublicKey key) {
        PGPSignature newest = null;
        Iterator<PGPSignature> signatures = key.getSignatures();
        while (signatures.hasNext()) {
            PGPSignature sig = signatures.next();
            boolean self = key.isMasterKey()
                    ? (sig.isCertification() || sig.getSignatureType() == PGPSignature.DIRECT_KEY)
                            && sig.getKeyID() == key.getKeyID()
                    : sig.getSignatureType() == PGPSignature.SUBKEY_BINDING;
            if (self && sig.hasSubpackets()
                    && sig.getHashedSubPackets().hasSubpacket(SignatureSubpacketTags.KEY_FLAGS)
                    && (newest == null || sig.getCreationTime().after(newest.getCreationTime()))) {
                newest = sig;
            }
        }
        return newest == null ? Optional.empty() : Optional.of(newest.getHashedSubPackets().getKeyFlags());
    }
}

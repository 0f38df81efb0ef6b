package org.sectriage.crypto;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/**
 * The secret keys security@ decrypts with: several rings, so that a rotated-out key still opens old mail.
 * Each ring is unlocked with its own passphrase.
 */
public final class SecretKeySet {

    /** One secret key ring and the passphrase that unlocks it. */
    private record UnlockableRing(PGPSecretKeyRing ring, char[] passphrase) {
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
        more.add(new UnlockableRing(ring, passphrase.clone()));
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
                    keys.add(secret.extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(
                            new BcPGPDigestCalculatorProvider()).build(entry.passphrase())));
                }
            }
        }
        return keys;
    }
}

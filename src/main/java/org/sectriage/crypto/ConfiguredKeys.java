package org.sectriage.crypto;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.sectriage.config.SectriageConfig;

/**
 * The OpenPGP keys a config names, read and checked once at start: the team's secret keys (each
 * unlocked by its passphrase) and the maintainers' public keys.
 *
 * @param secret      the team's secret keys, newest first; empty when none is configured
 * @param maintainers each maintainer's public key, by normalized address; maintainers without one are absent
 */
public record ConfiguredKeys(SecretKeySet secret, Map<String, PGPPublicKeyRing> maintainers) {

    /**
     * The keys of {@code config}.
     *
     * @throws IllegalStateException naming the file and what is wrong with it
     */
    public static ConfiguredKeys load(SectriageConfig config) {
        SecretKeySet secret = SecretKeySet.empty();
        for (SectriageConfig.SecretKeyFiles files : config.openpgp().secretKeys()) {
            try {
                secret = files.passphraseFile() == null
                        ? withoutPassphrase(secret, files)
                        : secret.withFiles(files.keyFile(), files.passphraseFile());
            } catch (IOException | InvalidKeyFileException e) {
                throw new IllegalStateException("cannot read the secret key in " + files.keyFile() + ": " + e.getMessage(), e);
            }
        }
        try {
            secret.checkUnlocks();
        } catch (PGPException e) {
            throw new IllegalStateException("openpgp.secret-keys: " + e.getMessage(), e);
        }
        Map<String, PGPPublicKeyRing> maintainers = new HashMap<>();
        for (SectriageConfig.Maintainer m : config.maintainers()) {
            if (m.publicKeyFile() == null) {
                continue;
            }
            try {
                List<PGPPublicKeyRing> rings = KeyFiles.readPublicKeyRings(m.publicKeyFile());
                MessageEncryptor.encryptionKey(rings.get(0));
                maintainers.put(m.email().normalized(), rings.get(0));
            } catch (IOException | InvalidKeyFileException | IndexOutOfBoundsException | NoEncryptionKeyException e) {
                throw new IllegalStateException("cannot read the public key of " + m.email().address() + " in "
                        + m.publicKeyFile() + ": " + e.getMessage(), e);
            }
        }
        return new ConfiguredKeys(secret, maintainers);
    }

    private static SecretKeySet withoutPassphrase(SecretKeySet set, SectriageConfig.SecretKeyFiles files)
            throws IOException, InvalidKeyFileException {
        for (var ring : KeyFiles.readSecretKeyRings(files.keyFile())) {
            set = set.with(ring, new char[0]);
        }
        return set;
    }

    /** True when at least one secret key is configured. */
    public boolean canDecrypt() {
        return !secret.rings().isEmpty();
    }
}

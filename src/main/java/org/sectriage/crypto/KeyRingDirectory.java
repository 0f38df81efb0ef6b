package org.sectriage.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.bouncycastle.openpgp.PGPKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;

/**
 * A directory of key files, one per key ring, named by fingerprint: {@code FPR.pub.asc} for public keys and
 * {@code FPR.sec.asc} (mode 0600) for secret keys. This is what {@code keys import/list/export} work on.
 */
public final class KeyRingDirectory {

    private static final String PUBLIC_SUFFIX = ".pub.asc";
    private static final String SECRET_SUFFIX = ".sec.asc";

    private final Path directory;

    /** The key directory at {@code directory}, which is created when missing. */
    public KeyRingDirectory(Path directory) {
        this.directory = directory;
    }

    /** Stores the newly generated {@code ring}, returning the path of its secret key file. */
    public Path addSecret(PGPSecretKeyRing ring) throws IOException {
        Files.createDirectories(directory);
        Path secret = directory.resolve(KeyInfo.of(ring).fingerprint() + SECRET_SUFFIX);
        KeyFiles.writeSecretKeyRing(secret, ring);
        return secret;
    }

    /** Imports every key ring in the armored or binary file {@code file}, returning what was imported. */
    public List<KeyInfo> importFile(Path file) throws IOException, InvalidKeyFileException {
        Files.createDirectories(directory);
        List<KeyInfo> imported = new ArrayList<>();
        for (PGPKeyRing ring : KeyFiles.readKeyRings(file)) {
            KeyInfo info = KeyInfo.of(ring);
            if (ring instanceof PGPSecretKeyRing secret) {
                Path target = directory.resolve(info.fingerprint() + SECRET_SUFFIX);
                Files.deleteIfExists(target);
                KeyFiles.writeSecretKeyRing(target, secret);
            } else {
                Files.writeString(directory.resolve(info.fingerprint() + PUBLIC_SUFFIX), KeyFiles.armor(ring),
                        StandardCharsets.US_ASCII);
            }
            imported.add(info);
        }
        return imported;
    }

    /** Every key in the directory, secret keys first, then by fingerprint. */
    public List<KeyInfo> list() throws IOException, InvalidKeyFileException {
        List<KeyInfo> keys = new ArrayList<>();
        for (PGPKeyRing ring : rings()) {
            keys.add(KeyInfo.of(ring));
        }
        keys.sort(Comparator.comparing((KeyInfo k) -> !k.hasSecretKey()).thenComparing(KeyInfo::fingerprint));
        return keys;
    }

    /**
     * Every key ring in the directory, once each: a key stored both as a public and as a secret key file is its
     * secret key ring. Empty when the directory does not exist.
     */
    public List<PGPKeyRing> rings() throws IOException, InvalidKeyFileException {
        Map<String, PGPKeyRing> byFingerprint = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.asc")) {
            for (Path file : files) {
                for (PGPKeyRing ring : KeyFiles.readKeyRings(file)) {
                    byFingerprint.merge(KeyInfo.of(ring).fingerprint(), ring,
                            (kept, other) -> kept instanceof PGPSecretKeyRing ? kept : other);
                }
            }
        }
        return List.copyOf(byFingerprint.values());
    }

    /** The armored public key of the key whose fingerprint is {@code fingerprint} (or ends with it), if stored. */
    public Optional<String> exportPublic(String fingerprint) throws IOException, InvalidKeyFileException {
        String wanted = fingerprint.replace(" ", "").toUpperCase(Locale.ROOT);
        for (PGPKeyRing ring : rings()) {
            if (!wanted.isEmpty() && KeyInfo.of(ring).fingerprint().endsWith(wanted)) {
                return Optional.of(KeyFiles.armor(KeyFiles.publicPart(ring)));
            }
        }
        return Optional.empty();
    }
}

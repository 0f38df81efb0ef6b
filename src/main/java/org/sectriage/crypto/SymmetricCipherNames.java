package org.sectriage.crypto;

import java.util.Map;

import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;

/** Names of OpenPGP symmetric cipher algorithm ids, for messages people read. */
final class SymmetricCipherNames {

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(SymmetricKeyAlgorithmTags.NULL, "plaintext"),
            Map.entry(SymmetricKeyAlgorithmTags.IDEA, "IDEA"),
            Map.entry(SymmetricKeyAlgorithmTags.TRIPLE_DES, "3DES"),
            Map.entry(SymmetricKeyAlgorithmTags.CAST5, "CAST5"),
            Map.entry(SymmetricKeyAlgorithmTags.BLOWFISH, "Blowfish"),
            Map.entry(SymmetricKeyAlgorithmTags.SAFER, "SAFER"),
            Map.entry(SymmetricKeyAlgorithmTags.DES, "DES"),
            Map.entry(SymmetricKeyAlgorithmTags.AES_128, "AES-128"),
            Map.entry(SymmetricKeyAlgorithmTags.AES_192, "AES-192"),
            Map.entry(SymmetricKeyAlgorithmTags.AES_256, "AES-256"),
            Map.entry(SymmetricKeyAlgorithmTags.TWOFISH, "Twofish"),
            Map.entry(SymmetricKeyAlgorithmTags.CAMELLIA_128, "Camellia-128"),
            Map.entry(SymmetricKeyAlgorithmTags.CAMELLIA_192, "Camellia-192"),
            Map.entry(SymmetricKeyAlgorithmTags.CAMELLIA_256, "Camellia-256"));

    private SymmetricCipherNames() {
    }

    /** The name of cipher {@code algorithm}, or its number when unknown. */
    static String name(int algorithm) {
        return NAMES.getOrDefault(algorithm, "algorithm " + algorithm);
    }
}

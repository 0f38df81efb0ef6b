package org.sectriage.crypto;

import java.util.List;
import java.util.Locale;

/** File names that mark an attachment as OpenPGP-encrypted, and the names of their plaintext. */
final class EncryptedFileNames {

    private static final List<String> SUFFIXES = List.of(".gpg", ".pgp", ".asc");

    private EncryptedFileNames() {
    }

    /** Whether {@code name} ends in .gpg, .pgp or .asc. */
    static boolean looksEncrypted(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    /** {@code name} without its encryption suffix ("report.pdf.gpg" becomes "report.pdf"); null stays null. */
    static String plaintextName(String name) {
        if (name == null || !looksEncrypted(name) || name.length() <= 4) {
            return name;
        }
        return name.substring(0, name.length() - 4);
    }

    /**
     * The MIME type of a decrypted file named {@code name}: text/plain for a text file ("report.txt", from
     * "report.txt.gpg"), so that it is read as the text it is, else application/octet-stream.
     */
    static String plaintextType(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).endsWith(".txt") ? "text/plain"
                : "application/octet-stream";
    }
}

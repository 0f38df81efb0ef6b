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
     * The MIME type of the decrypted file {@code name} holding {@code clear}: text/plain for a text file, named so
     * ("report.txt", from "report.txt.gpg") or named with no extension ("report", from "report.asc", as a report
     * written straight into gpg gets its name) and holding text; else application/octet-stream.
     */
    static String plaintextType(String name, byte[] clear) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        boolean text = lower.endsWith(".txt") || (lower.lastIndexOf('.') <= 0 && looksLikeText(clear));
        return text ? "text/plain" : "application/octet-stream";
    }

    /** Whether the first 4 KiB of {@code bytes} hold no control character but tab, line ends and form feed. */
    private static boolean looksLikeText(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 4096); i++) {
            int b = bytes[i] & 0xff;
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7f) {
                return false;
            }
        }
        return bytes.length > 0;
    }
}

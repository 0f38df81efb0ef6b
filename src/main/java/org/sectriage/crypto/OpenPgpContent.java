package org.sectriage.crypto;

import java.nio.charset.StandardCharsets;

/** A cheap look at a raw message for signs of OpenPGP encryption or signatures, before the work of reading them. */
final class OpenPgpContent {

    private static final byte[][] ENCRYPTED = {
        "multipart/encrypted".getBytes(StandardCharsets.US_ASCII),
        "-----BEGIN PGP MESSAGE-----".getBytes(StandardCharsets.US_ASCII),
        "application/pgp-encrypted".getBytes(StandardCharsets.US_ASCII),
        ".gpg".getBytes(StandardCharsets.US_ASCII),
        ".pgp".getBytes(StandardCharsets.US_ASCII),
        ".asc".getBytes(StandardCharsets.US_ASCII),
        // the armor header inside quoted-printable or base64-encoded HTML, as browser extensions send it
        "BEGIN PGP MESSAGE".getBytes(StandardCharsets.US_ASCII),
        "LS0tLS1CRUdJTiBQR1AgTUVTU0FHRS0tLS0t".getBytes(StandardCharsets.US_ASCII),
        // any base64 part: the armor's encoding depends on where in the part it starts (one alignment in
        // three gives the sign above) and on the line wraps, and Gmail and Outlook send text with
        // non-ASCII characters (a greeting) in base64
        "base64".getBytes(StandardCharsets.US_ASCII),
    };

    private static final byte[][] SIGNED = {
        "application/pgp-signature".getBytes(StandardCharsets.US_ASCII),
        "-----BEGIN PGP SIGNED MESSAGE-----".getBytes(StandardCharsets.US_ASCII),
        "-----BEGIN PGP SIGNATURE-----".getBytes(StandardCharsets.US_ASCII),
    };

    private OpenPgpContent() {
    }

    /** True when {@code raw} may hold encrypted content; false means it cannot. */
    static boolean mayBeEncrypted(byte[] raw) {
        return containsAny(raw, ENCRYPTED);
    }

    /** True when {@code raw} may hold an OpenPGP signature; false means it cannot. */
    static boolean mayBeSigned(byte[] raw) {
        return containsAny(raw, SIGNED);
    }

    private static boolean containsAny(byte[] raw, byte[][] signs) {
        for (byte[] sign : signs) {
            if (indexOfIgnoreCase(raw, sign) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOfIgnoreCase(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (Character.toLowerCase(haystack[i + j]) != Character.toLowerCase(needle[j])) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

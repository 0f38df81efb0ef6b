package org.sectriage.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An OpenPGP cleartext signed message (RFC 9580 section 7) found in a text body: the canonical signed bytes,
 * the armored signature, and whether anything besides white space surrounds it.
 *
 * @param signedData the signed text, dash-unescaped, trailing white space removed, lines joined with CRLF
 * @param armoredSignature the "BEGIN PGP SIGNATURE" block
 * @param surrounded whether the text holds anything besides white space outside the signed block
 */
record CleartextSignedText(byte[] signedData, String armoredSignature, boolean surrounded) {

    static final String BEGIN = "-----BEGIN PGP SIGNED MESSAGE-----";
    private static final String SIGNATURE_BEGIN = "-----BEGIN PGP SIGNATURE-----";
    private static final String SIGNATURE_END = "-----END PGP SIGNATURE-----";

    /** The first cleartext signed block in {@code body} (bytes of any charset, compared as ISO-8859-1), if any. */
    static Optional<CleartextSignedText> find(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int begin = text.indexOf(BEGIN);
        if (begin < 0) {
            return Optional.empty();
        }
        int sigBegin = text.indexOf(SIGNATURE_BEGIN, begin);
        int sigEnd = sigBegin < 0 ? -1 : text.indexOf(SIGNATURE_END, sigBegin);
        if (sigEnd < 0) {
            return Optional.empty();
        }
        int blockEnd = sigEnd + SIGNATURE_END.length();
        String[] lines = text.substring(begin, sigBegin).split("\r?\n", -1);
        int i = 1;
        while (i < lines.length && !lines[i].isBlank()) {
            i++; // armor headers such as "Hash: SHA256"
        }
        i++;
        StringBuilder signed = new StringBuilder();
        int last = lines.length - 1; // the empty string after the line break preceding the signature
        for (int line = i; line < last; line++) {
            if (line > i) {
                signed.append("\r\n");
            }
            String value = lines[line].startsWith("- ") ? lines[line].substring(2) : lines[line];
            signed.append(value.stripTrailing());
        }
        boolean surrounded = !text.substring(0, begin).isBlank() || !text.substring(blockEnd).isBlank();
        return Optional.of(new CleartextSignedText(signed.toString().getBytes(StandardCharsets.ISO_8859_1),
                text.substring(sigBegin, blockEnd) + "\n", surrounded));
    }
}

package org.sectriage.command;

import java.util.ArrayList;
import java.util.List;

/**
 * A reply's text with an OpenPGP cleartext signature (gpg {@code --clearsign}, inline PGP of Enigmail or
 * mutt) taken apart: the signed text, dash-unescaped, in place of the block, without the armor line, its
 * headers ({@code Hash: SHA256}) and the signature. The commands at the top of a signed reply are then
 * at its top, and neither the armor nor the signature, whose issuer names the maintainer's key, reaches
 * the reporter. Whether the signature is good is the authentication's to say; this only reads the text.
 */
final class ClearsignedText {

    private static final String BEGIN = "-----BEGIN PGP SIGNED MESSAGE-----";
    private static final String SIGNATURE_BEGIN = "-----BEGIN PGP SIGNATURE-----";
    private static final String SIGNATURE_END = "-----END PGP SIGNATURE-----";

    private ClearsignedText() {
    }

    /** {@code lines} with each cleartext signed block made its signed text; lines without one are returned as they are. */
    static List<String> unwrapped(List<String> lines) {
        int begin = indexOf(lines, BEGIN, 0);
        if (begin < 0) {
            return lines;
        }
        int signature = indexOf(lines, SIGNATURE_BEGIN, begin + 1);
        int end = signature < 0 ? -1 : indexOf(lines, SIGNATURE_END, signature + 1);
        if (end < 0) {
            return lines;
        }
        List<String> out = new ArrayList<>(lines.subList(0, begin));
        int text = begin + 1;
        while (text < signature && !lines.get(text).isBlank()) {
            text++; // the armor headers, up to the blank line
        }
        for (int i = text + 1; i < signature; i++) {
            String line = lines.get(i);
            out.add(line.startsWith("- ") ? line.substring(2) : line);
        }
        out.addAll(unwrapped(lines.subList(end + 1, lines.size())));
        return out;
    }

    private static int indexOf(List<String> lines, String armor, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(armor)) {
                return i;
            }
        }
        return -1;
    }
}

package org.sectriage.crypto;

import java.nio.charset.StandardCharsets;

/** RFC 5322 messages built around OpenPGP data, with CRLF line endings as on the wire. */
final class MailFixtures {

    private MailFixtures() {
    }

    /** A message with {@code headersAndBody} after the usual From/To/Subject/Message-ID headers. */
    static byte[] message(String headersAndBody) {
        String text = "From: Reporter <reporter@example.net>\n"
                + "To: undisclosed-recipients:;\n"
                + "Subject: vulnerability report\n"
                + "Message-ID: <report-1@example.net>\n"
                + "MIME-Version: 1.0\n"
                + headersAndBody;
        return crlf(text).getBytes(StandardCharsets.UTF_8);
    }

    /** An RFC 3156 multipart/encrypted message carrying {@code armored}. */
    static byte[] pgpMime(byte[] armored) {
        return message("Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\";"
                + " boundary=\"enc-boundary\"\n\n"
                + "This is an OpenPGP/MIME encrypted message (RFC 4880 and 3156)\n"
                + "--enc-boundary\n"
                + "Content-Type: application/pgp-encrypted\n"
                + "Content-Description: PGP/MIME version identification\n\n"
                + "Version: 1\n\n"
                + "--enc-boundary\n"
                + "Content-Type: application/octet-stream; name=\"encrypted.asc\"\n"
                + "Content-Disposition: inline; filename=\"encrypted.asc\"\n\n"
                + new String(armored, StandardCharsets.US_ASCII)
                + "\n--enc-boundary--\n");
    }

    /** {@code text} with every line ending made CRLF. */
    static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }
}

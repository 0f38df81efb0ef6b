package org.sectriage.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sectriage.testing.TestMail;

/** A message is parsed for an offered key only when it can hold one, as it travels. */
class FindOfferedKeysTest {

    private static final String HEAD = "From: r@researcher.example\r\nTo: security@project.example\r\n"
            + "Subject: XSS\r\nMIME-Version: 1.0\r\n";

    @Test
    void aPlainTextReportWithoutAKeyIsNotParsedForOne() {
        byte[] report = TestMail.bytes(TestMail.report().from("r@researcher.example").body("XSS in the search page.")
                .build());

        assertThat(FindOfferedKeys.mayOfferAKey(report)).isFalse();
    }

    @Test
    void anAutocryptHeaderAnAttachedKeyOrAKeyBlockInTheTextIsASignOfAKey() {
        assertThat(mayOffer("Autocrypt: addr=r@researcher.example; keydata=mQ\r\n"
                + "Content-Type: text/plain\r\n\r\nXSS\r\n")).isTrue();
        assertThat(mayOffer("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: APPLICATION/PGP-KEYS\r\n\r\nkey\r\n--b--\r\n")).isTrue();
        assertThat(mayOffer("Content-Type: text/plain\r\n\r\nMy key:\r\n"
                + "-----BEGIN PGP PUBLIC KEY BLOCK-----\r\n\r\nmQ\r\n-----END PGP PUBLIC KEY BLOCK-----\r\n")).isTrue();
    }

    @Test
    void textInAnEncodingThatCouldHideAKeyBlockIsParsed() {
        assertThat(mayOffer("Content-Type: text/plain\r\n"
                + "Content-Transfer-Encoding: Base64\r\n\r\nLS0tLS1CRUdJTiBQR1AgUFVCTElDIEtFWSBCTE9DSy0tLS0t\r\n"))
                .isTrue();
        assertThat(mayOffer("Content-Type: text/plain\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n=2D=2D=2D=2D=2DBEGIN PGP=20PUBLIC KEY BLOCK\r\n"))
                .isTrue();
        assertThat(mayOffer("Content-Type: text/plain\r\n"
                + "Content-Transfer-Encoding: x-uuencode\r\n\r\nbegin 644 key.txt\r\n")).isTrue();
    }

    @Test
    void textInACharsetThatDoesNotWriteAsciiAsAsciiIsParsed() {
        assertThat(mayOffer("Content-Type: text/plain; charset=UTF-16\r\n"
                + "Content-Transfer-Encoding: binary\r\n\r\n")).isTrue();
        assertThat(mayOffer("Content-Type: text/plain; charset=IBM037\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n")).isTrue();
    }

    /** Whether a message of {@link #HEAD} and then {@code rest} may offer a key. */
    private static boolean mayOffer(String rest) {
        return FindOfferedKeys.mayOfferAKey((HEAD + rest).getBytes(StandardCharsets.US_ASCII));
    }
}

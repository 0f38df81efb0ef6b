package org.sectriage.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The quick look that spares plain mail the decryptor must never pass over an encrypted report. */
class OpenPgpContentTest {

    @ParameterizedTest
    @ValueSource(strings = {"Hallo,\n", "Grüße,\n", "Dear security team, see below.\n", "Hi,\n\n"})
    void armorInABase64TextPartMayBeEncryptedWhateverGreetingComesFirst(String greeting) {
        String body = greeting + "-----BEGIN PGP MESSAGE-----\n\nhQIMA0ZlY2tlbi4uLg==\n-----END PGP MESSAGE-----\n";
        byte[] raw = ("From: alex@researcher.example\r\nTo: security@example.org\r\nSubject: report\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        assertThat(OpenPgpContent.mayBeEncrypted(raw)).isTrue();
    }

    @Test
    void plainTextWithNoSignOfOpenPgpCannotBe() {
        byte[] raw = ("From: alex@researcher.example\r\nSubject: report\r\nContent-Type: text/plain\r\n\r\n"
                + "Stored XSS in the comment form.\r\n").getBytes(StandardCharsets.US_ASCII);

        assertThat(OpenPgpContent.mayBeEncrypted(raw)).isFalse();
    }
}

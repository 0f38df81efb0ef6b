package org.sectriage.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The quoted-printable of signed text: nothing on it that a server or a mailbox file would rewrite. */
class QuotedPrintableTest {

    @Test
    void linesStartingWithFromAreEncodedEvenAfterASoftLineBreak() throws Exception {
        String text = "From the start\n" + "x".repeat(75) + "From the middle\n";

        String encoded = QuotedPrintable.encode(text);

        assertThat(encoded.split("\r\n")).noneMatch(line -> line.startsWith("From "));
        assertThat(encoded).startsWith("=46rom the start\r\n");
        assertThat(decode(encoded)).isEqualTo(text.replace("\n", "\r\n"));
    }

    @Test
    void trailingWhiteSpaceIsEncodedAndLinesStayWithin76Characters() throws Exception {
        String text = "spaces at the end   \ttab\t\n" + "ä".repeat(100) + "\n" + "word ".repeat(40);

        String encoded = QuotedPrintable.encode(text);

        assertThat(encoded.split("\r\n")).allSatisfy(line -> {
            assertThat(line.length()).isLessThanOrEqualTo(76);
            assertThat(line).doesNotEndWith(" ").doesNotEndWith("\t");
        });
        assertThat(decode(encoded)).isEqualTo(text.replace("\n", "\r\n"));
    }

    @Test
    void everyKindOfLineBreakBecomesCrlfAndEqualsSignsAreEncoded() throws Exception {
        String encoded = QuotedPrintable.encode("a=b\rc\r\nd\ne");

        assertThat(encoded).isEqualTo("a=3Db\r\nc\r\nd\r\ne");
    }

    private static String decode(String encoded) throws Exception {
        return new String(MimeUtility.decode(new ByteArrayInputStream(encoded.getBytes(StandardCharsets.US_ASCII)),
                "quoted-printable").readAllBytes(), StandardCharsets.UTF_8);
    }
}

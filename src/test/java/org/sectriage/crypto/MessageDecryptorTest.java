package org.sectriage.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.parse.AttachmentInfo;
import org.sectriage.parse.MimeParser;
import org.sectriage.parse.ParsedMessage;
import org.sectriage.parse.ParseLimits;

/** Decryption of messages produced by real GnuPG, and refusal of the unsafe ones. */
class MessageDecryptorTest {

    private static final String INNER_ENTITY = "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n\r\n"
            + "The parser overflows at src/parse.c:42 with a 70000-byte header. Grüße.\r\n";

    @TempDir
    static Path temp;

    private static GpgKeys keys;

    @BeforeAll
    static void generateKeys() throws Exception {
        keys = GpgKeys.generate(temp);
    }

    @AfterAll
    static void stopAgent() {
        if (keys != null) {
            keys.close();
        }
    }

    private static MessageDecryptor decryptor() {
        return new MessageDecryptor(keys.secretKeys, DecryptionLimits.DEFAULT, Clock.systemUTC());
    }

    private static byte[] gpgEncrypt(byte[] plaintext, String recipient, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of(options));
        args.addAll(List.of("--armor", "--recipient", recipient, "--encrypt"));
        return keys.gpg.run(plaintext, args.toArray(String[]::new));
    }

    @Test
    void decryptsPgpMimeToAnRsaKey() throws Exception {
        byte[] raw = MailFixtures.pgpMime(gpgEncrypt(INNER_ENTITY.getBytes(StandardCharsets.UTF_8), keys.rsa));

        DecryptionResult result = decryptor().decrypt(raw);

        assertThat(result.status()).as(result.detail()).isEqualTo(DecryptionResult.Status.DECRYPTED);
        assertThat(new String(result.content(), StandardCharsets.UTF_8)).isEqualTo(INNER_ENTITY);
    }

    @Test
    void decryptsPgpMimeToACurve25519Key() throws Exception {
        byte[] raw = MailFixtures.pgpMime(gpgEncrypt(INNER_ENTITY.getBytes(StandardCharsets.UTF_8), keys.curve));

        DecryptionResult result = decryptor().decrypt(raw);

        assertThat(result.status()).as(result.detail()).isEqualTo(DecryptionResult.Status.DECRYPTED);
        assertThat(new String(result.content(), StandardCharsets.UTF_8)).isEqualTo(INNER_ENTITY);
    }

    @Test
    void decryptsEncryptedAndSignedPgpMime() throws Exception {
        byte[] armored = gpgEncrypt(INNER_ENTITY.getBytes(StandardCharsets.UTF_8), keys.curve,
                "--local-user", keys.stranger, "--sign");

        DecryptionResult result = decryptor().decrypt(MailFixtures.pgpMime(armored));
        // a part declared 8bit takes the path through Jakarta Mail
        DecryptionResult declared8bit = decryptor().decrypt(new String(MailFixtures.pgpMime(armored),
                StandardCharsets.UTF_8).replace("Content-Disposition: inline; filename=\"encrypted.asc\"",
                "Content-Disposition: inline; filename=\"encrypted.asc\"\r\nContent-Transfer-Encoding: 8bit")
                .getBytes(StandardCharsets.UTF_8));

        for (DecryptionResult r : List.of(result, declared8bit)) {
            assertThat(r.status()).as(r.detail()).isEqualTo(DecryptionResult.Status.DECRYPTED);
            assertThat(new String(r.content(), StandardCharsets.UTF_8)).isEqualTo(INNER_ENTITY);
            assertThat(r.signatures().packets()).hasSize(1);
            assertThat(r.signatures().wholeMessage()).isTrue();
        }
    }

    @Test
    void givesTheSignaturesInsideAnInlineBlockAsCoveringTheWholeMessageWhenBothAlternativesAreThatBlockAlone()
            throws Exception {
        String armored = signedBlock("#confirm\nReproduced.\n");
        String html = "<html><body><pre>" + armored.replace("\n", "<br>\n") + "</pre></body></html>\n";
        byte[] raw = MailFixtures.message("Content-Type: multipart/alternative; boundary=\"alt\"\n\n"
                + "--alt\nContent-Type: text/plain; charset=us-ascii\n\n" + armored
                + "--alt\nContent-Type: text/html; charset=utf-8\n\n" + html + "--alt--\n");

        DecryptionResult result = decryptor().decrypt(raw);

        assertThat(result.status()).as(result.detail()).isEqualTo(DecryptionResult.Status.DECRYPTED);
        assertThat(result.signatures().packets()).hasSize(1);
        assertThat(result.signatures().wholeMessage()).isTrue();
        assertThat(new String(result.signatures().signedData(), StandardCharsets.UTF_8))
                .isEqualToNormalizingNewlines("#confirm\nReproduced.\n");
    }

    @Test
    void givesTheSignaturesInsideAnInlineBlockAsPartialWhenTextOrAFileStandsBesideIt() throws Exception {
        String armored = signedBlock("Reproduced.\n");
        byte[] besideText = MailFixtures.message("Content-Type: text/plain; charset=us-ascii\n\n#reject\n\n" + armored);
        byte[] besideFile = MailFixtures.message("Content-Type: multipart/mixed; boundary=\"mix\"\n\n"
                + "--mix\nContent-Type: text/plain; charset=us-ascii\n\n" + armored
                + "--mix\nContent-Type: text/plain; name=notes.txt\nContent-Disposition: attachment; filename=notes.txt\n\n"
                + "#reject\n--mix--\n");

        for (byte[] raw : List.of(besideText, besideFile)) {
            DecryptionResult result = decryptor().decrypt(raw);
            assertThat(result.status()).as(result.detail()).isEqualTo(DecryptionResult.Status.DECRYPTED);
            assertThat(result.signatures().packets()).hasSize(1);
            assertThat(result.signatures().wholeMessage()).isFalse();
        }
    }

    @Test
    void givesNoSignaturesForASignedBlockQuotedFromAnEarlierMail() throws Exception {
        String quoted = "> " + signedBlock("#confirm\n").strip().replace("\n", "\n> ") + "\n";
        byte[] raw = MailFixtures.message("Content-Type: text/plain; charset=us-ascii\n\nAgreed.\n\n" + quoted);

        DecryptionResult result = decryptor().decrypt(raw);

        assertThat(result.status()).as(result.detail()).isEqualTo(DecryptionResult.Status.DECRYPTED);
        assertThat(result.signatures().isEmpty()).isTrue();
    }

    @Test
    void givesTheSignaturesInsideAnInlineBlockAsPartialWhenTextBesideItInHtmlOnlyLooksLikeMarkup() throws Exception {
        String armored = signedBlock("Reproduced.\n");
        // "<" before a line break starts no tag: a reader shows this text, and the body text keeps it
        byte[] raw = MailFixtures.message("Content-Type: text/html; charset=utf-8\n\n<pre><\nPlease send us your"
                + " password.\n></pre><pre>" + armored.replace("\n", "<br>\n") + "</pre>\n");

        DecryptionResult result = decryptor().decrypt(raw);

        assertThat(result.status()).as(result.detail()).isEqualTo(DecryptionResult.Status.DECRYPTED);
        assertThat(result.signatures().packets()).hasSize(1);
        assertThat(result.signatures().wholeMessage()).isFalse();
    }

    /** {@code text} signed by the stranger's key and encrypted to ours in one armored block, in text mode. */
    private static String signedBlock(String text) throws Exception {
        return new String(gpgEncrypt(text.getBytes(StandardCharsets.UTF_8), keys.curve, "--textmode", "--sign",
                "--local-user", keys.stranger), StandardCharsets.US_ASCII);
    }

    @Test
    void decryptsWhenSecurityIsOnlyOneOfSeveralRecipients() throws Exception {
        byte[] armored = gpgEncrypt("to both".getBytes(StandardCharsets.UTF_8), keys.rsa,
                "--recipient", keys.stranger);

        DecryptionResult result = decryptor().decrypt(MailFixtures.pgpMime(armored));

        assertThat(result.status()).as(result.detail()).isEqualTo(DecryptionResult.Status.DECRYPTED);
        assertThat(result.content()).isEqualTo("to both".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void replacesSeveralInlineBlocksInTextPlainKeepingTheTextAround() throws Exception {
        String first = new String(gpgEncrypt("first secret".getBytes(StandardCharsets.UTF_8), keys.rsa),
                StandardCharsets.US_ASCII);
        String second = new String(gpgEncrypt("second secret".getBytes(StandardCharsets.UTF_8), keys.curve),
                StandardCharsets.US_ASCII);
        byte[] raw = MailFixtures.message("Content-Type: text/plain; charset=us-ascii\n\n"
                + "Hello security team,\n\n" + first + "\nand the exploit:\n\n" + second + "\nRegards\n");

        DecryptionResult result = decryptor().decrypt(raw);

        assertThat(result.status()).as(result.detail()).isEqualTo(DecryptionResult.Status.DECRYPTED);
        String text = new String(result.content(), StandardCharsets.UTF_8);
        assertThat(text).contains("Hello security team,", "first secret", "and the exploit:", "second secret",
                "Regards", "Message-ID: <report-1@example.net>");
        assertThat(text).doesNotContain("BEGIN PGP MESSAGE");
        assertThat(text.indexOf("first secret")).isLessThan(text.indexOf("second secret"));
    }

    @Test
    void decryptsTheBlockToOurKeyAndKeepsAQuotedBlockToAnotherKeyAsItWasNamingItInTheProblems() throws Exception {
        String ours = armored(gpgEncrypt("the new report".getBytes(StandardCharsets.UTF_8), keys.rsa));
        String quoted = armored(gpgEncrypt("an older report".getBytes(StandardCharsets.UTF_8), keys.stranger));

        DecryptionResult result = decryptor().decrypt(inlineReport(ours, quoted));

        assertThat(result.status()).as(result.detail()).isEqualTo(DecryptionResult.Status.DECRYPTED);
        assertThat(bodyText(result)).contains("the new report").contains(quoted);
        assertThat(result.problems()).singleElement().asString().contains("OpenPGP block 2 left as it was")
                .contains("not encrypted to any of our keys")
                .contains(keys.gpg.encryptionSubkeyId(GpgKeys.STRANGER_USER));
    }

    @Test
    void keepsABlockThatIsOnlySignedNotEncryptedAsItWasBesideTheDecryptedOne() throws Exception {
        String signed = armored(keys.gpg.run("signed, not secret".getBytes(StandardCharsets.UTF_8), "--armor",
                "--local-user", keys.stranger, "--sign"));
        String ours = armored(gpgEncrypt("the report".getBytes(StandardCharsets.UTF_8), keys.curve));

        DecryptionResult result = decryptor().decrypt(inlineReport(signed, ours));

        assertThat(result.status()).as(result.detail()).isEqualTo(DecryptionResult.Status.DECRYPTED);
        assertThat(bodyText(result)).contains(signed).contains("the report");
        assertThat(result.problems()).singleElement().asString().contains("OpenPGP block 1 left as it was")
                .contains("holds no encrypted data");
    }

    @Test
    void keepsADamagedBlockAsItWasBesideTheDecryptedOne() throws Exception {
        String ours = armored(gpgEncrypt("the report".getBytes(StandardCharsets.UTF_8), keys.rsa));
        String damaged = damaged(armored(gpgEncrypt("cut on the way".getBytes(StandardCharsets.UTF_8), keys.rsa)));

        DecryptionResult result = decryptor().decrypt(inlineReport(ours, damaged));

        assertThat(result.status()).as(result.detail()).isEqualTo(DecryptionResult.Status.DECRYPTED);
        assertThat(bodyText(result)).contains("the report").contains(damaged).doesNotContain("cut on the way");
        assertThat(result.problems()).singleElement().asString().contains("OpenPGP block 2 left as it was");
    }

    @Test
    void neverUsesABlockWithoutIntegrityProtectionEvenBesideADecryptedOne() throws Exception {
        String unprotected = armored(gpgEncrypt("efail".getBytes(StandardCharsets.UTF_8), keys.rsa, "--rfc2440"));
        String ours = armored(gpgEncrypt("the report".getBytes(StandardCharsets.UTF_8), keys.rsa));

        DecryptionResult result = decryptor().decrypt(inlineReport(unprotected, ours));

        assertThat(result.status()).as(result.detail()).isEqualTo(DecryptionResult.Status.DECRYPTED);
        assertThat(bodyText(result)).contains(unprotected).contains("the report").doesNotContain("efail");
        assertThat(result.problems()).singleElement().asString().contains("OpenPGP block 1 left as it was")
                .contains("no integrity protection");
    }

    @Test
    void readsAsNotEncryptedAPlainReplyThatQuotesABlockEncryptedToAnotherKey() throws Exception {
        String quoted = quoted(armored(gpgEncrypt("our answer, to the reporter's key".getBytes(StandardCharsets.UTF_8),
                keys.stranger)));
        byte[] raw = MailFixtures.message("Content-Type: text/plain; charset=us-ascii\n\n"
                + "Thanks, the fix works for me.\n\nOn Mon, Maria wrote:\n" + quoted + "\n");

        DecryptionResult result = decryptor().decrypt(raw);

        assertThat(result.status()).as(result.detail()).isEqualTo(DecryptionResult.Status.NOT_ENCRYPTED);
    }

    @Test
    void readsAsNotEncryptedAWebmailReplyWhoseTextAndHtmlPartsQuoteABlockEncryptedToAnotherKey() throws Exception {
        String block = armored(gpgEncrypt("our answer, to the reporter's key".getBytes(StandardCharsets.UTF_8),
                keys.stranger));
        // as Gmail writes a reply: the text part quotes with "> ", the HTML part in a blockquote
        String html = "<div dir=\"ltr\">Thanks, the fix works for me.</div><br><div class=\"gmail_quote\">"
                + "<div class=\"gmail_attr\">On Mon, Maria wrote:<br></div><blockquote class=\"gmail_quote\""
                + " style=\"margin:0px 0px 0px 0.8ex\">" + block.replace("\n", "<br>\n") + "</blockquote></div>\n";
        byte[] raw = MailFixtures.message("Content-Type: multipart/alternative; boundary=\"alt\"\n\n"
                + "--alt\nContent-Type: text/plain; charset=utf-8\n\nThanks, the fix works for me.\n\n"
                + "On Mon, Maria wrote:\n" + quoted(block) + "\n"
                + "--alt\nContent-Type: text/html; charset=utf-8\n\n" + html + "--alt--\n");

        DecryptionResult result = decryptor().decrypt(raw);

        assertThat(result.status()).as(result.detail()).isEqualTo(DecryptionResult.Status.NOT_ENCRYPTED);
    }

    @Test
    void namesOnceABlockItCannotDecryptThatBothAlternativesHoldAndDecryptsOursInBoth() throws Exception {
        String theirs = armored(gpgEncrypt("to someone else".getBytes(StandardCharsets.UTF_8), keys.stranger));
        String ours = armored(gpgEncrypt("the report".getBytes(StandardCharsets.UTF_8), keys.rsa));
        byte[] raw = MailFixtures.message("Content-Type: multipart/alternative; boundary=\"alt\"\n\n"
                + "--alt\nContent-Type: text/plain; charset=utf-8\n\n" + theirs + "\n\n" + ours + "\n"
                + "--alt\nContent-Type: text/html; charset=utf-8\n\n<div>" + theirs.replace("\n", "<br>\n")
                + "</div><div>" + ours.replace("\n", "<br>\n") + "</div>\n--alt--\n");

        DecryptionResult result = decrypted(raw);

        assertThat(result.problems()).singleElement().asString().startsWith("OpenPGP block 1 left as it was");
        String content = new String(result.content(), StandardCharsets.UTF_8);
        assertThat(content.split("the report", -1)).as("decrypted in the text and in the HTML part").hasSize(3);
    }

    @Test
    void decryptsAQuotedBlockToOurKeyAndKeepsItsTextQuoted() throws Exception {
        String quoted = quoted(armored(gpgEncrypt("the first report\nwith two lines".getBytes(StandardCharsets.UTF_8),
                keys.rsa)));
        byte[] raw = MailFixtures.message("Content-Type: text/plain; charset=us-ascii\n\n"
                + "One more detail: it needs no login.\n\nOn Mon, I wrote:\n" + quoted + "\n");

        DecryptionResult result = decrypted(raw);

        assertThat(bodyText(result)).contains("One more detail: it needs no login.")
                .contains("> the first report\n> with two lines").doesNotContain("BEGIN PGP MESSAGE");
    }

    @Test
    void readsAsNotEncryptedAReportWhoseOnlyBlockIsSignedNotEncrypted() throws Exception {
        String signed = armored(keys.gpg.run("signed, not secret".getBytes(StandardCharsets.UTF_8), "--armor",
                "--local-user", keys.stranger, "--sign"));

        DecryptionResult result = decryptor().decrypt(inlineReport(signed));

        assertThat(result.status()).as("a reporter who only signed is not asked to encrypt again")
                .isEqualTo(DecryptionResult.Status.NOT_ENCRYPTED);
    }

    @Test
    void failsTheMessageWhenNoneOfItsInlineBlocksCanBeDecrypted() throws Exception {
        String quoted = armored(gpgEncrypt("an older report".getBytes(StandardCharsets.UTF_8), keys.stranger));
        String signed = armored(keys.gpg.run("signed".getBytes(StandardCharsets.UTF_8), "--armor", "--sign"));

        DecryptionResult result = decryptor().decrypt(inlineReport(quoted, signed));

        assertThat(result.status()).isEqualTo(DecryptionResult.Status.FAILED);
        assertThat(result.failure()).isEqualTo(DecryptionFailure.NO_MATCHING_KEY);
        assertThat(result.content()).isEmpty();
    }

    @Test
    void readsAnInlineBlockOfLatin1TextAsLatin1WhenItIsNotUtf8() throws Exception {
        byte[] latin1 = "Schwachstelle in der Größenprüfung".getBytes(StandardCharsets.ISO_8859_1);
        String block = armored(gpgEncrypt(latin1, keys.rsa));

        DecryptionResult result = decryptor().decrypt(inlineReport(block));

        assertThat(result.status()).as(result.detail()).isEqualTo(DecryptionResult.Status.DECRYPTED);
        assertThat(bodyText(result)).contains("Schwachstelle in der Größenprüfung");
    }

    @Test
    void readsAnInlineBlockInTheCharsetItsArmorNames() throws Exception {
        byte[] latin9 = "Die Größenprüfung kostet 500 €".getBytes(Charset.forName("ISO-8859-15"));
        String block = armored(gpgEncrypt(latin9, keys.curve)).replace(ArmoredMessageBlocks.BEGIN + "\n",
                ArmoredMessageBlocks.BEGIN + "\nCharset: ISO-8859-15\n");

        DecryptionResult result = decryptor().decrypt(inlineReport(block));

        assertThat(result.status()).as(result.detail()).isEqualTo(DecryptionResult.Status.DECRYPTED);
        assertThat(bodyText(result)).contains("Die Größenprüfung kostet 500 €");
    }

    @Test
    void readsAnInlineBlockOfUtf8TextAsUtf8() throws Exception {
        String block = armored(gpgEncrypt("Größenprüfung".getBytes(StandardCharsets.UTF_8), keys.rsa));

        DecryptionResult result = decryptor().decrypt(inlineReport(block));

        assertThat(bodyText(result)).contains("Größenprüfung");
    }

    @Test
    void decryptsArmorInsideQuotedPrintable() throws Exception {
        String armored = new String(gpgEncrypt("quoted secret".getBytes(StandardCharsets.UTF_8), keys.rsa),
                StandardCharsets.US_ASCII);
        String qp = armored.replace("=", "=3D");
        byte[] raw = MailFixtures.message("Content-Type: text/plain; charset=utf-8\n"
                + "Content-Transfer-Encoding: quoted-printable\n\nSee below=\n:\n\n" + qp);

        DecryptionResult result = decryptor().decrypt(raw);

        assertThat(result.status()).as(result.detail()).isEqualTo(DecryptionResult.Status.DECRYPTED);
        assertThat(new String(result.content(), StandardCharsets.UTF_8)).contains("quoted secret")
                .doesNotContain("BEGIN PGP MESSAGE");
    }

    @Test
    void decryptsArmorInsideAnHtmlPartAsMailveloSendsIt() throws Exception {
        String armored = new String(gpgEncrypt("html <secret>".getBytes(StandardCharsets.UTF_8), keys.curve),
                StandardCharsets.US_ASCII);
        String html = "<html><body><p>Report:</p><pre>" + armored.replace("\n", "<br>\n")
                + "</pre></body></html>\n";
        byte[] raw = MailFixtures.message("Content-Type: multipart/alternative; boundary=\"alt\"\n\n"
                + "--alt\nContent-Type: text/html; charset=utf-8\n\n" + html + "--alt--\n");

        DecryptionResult result = decryptor().decrypt(raw);

        assertThat(result.status()).as(result.detail()).isEqualTo(DecryptionResult.Status.DECRYPTED);
        assertThat(new String(result.content(), StandardCharsets.UTF_8)).contains("html &lt;secret&gt;")
                .contains("<p>Report:</p>").doesNotContain("BEGIN PGP MESSAGE");
    }

    /** What Mailvelope encrypts inline when a mail has attachments: a MIME entity, as emailjs-mime-builder writes it. */
    private static final String MAILVELOPE_ENTITY = "Content-Type: multipart/mixed;\r\n"
            + " boundary=\"----sinikael-?=_1-17332150000000.5\"\r\n"
            + "MIME-Version: 1.0\r\n\r\n"
            + "------sinikael-?=_1-17332150000000.5\r\n"
            + "Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + "The parser overflows at src/parse.c:42 with a 70000-byte header; proof attached=\r\n"
            + ".\r\n"
            + "------sinikael-?=_1-17332150000000.5\r\n"
            + "Content-Type: application/octet-stream; name=poc.py\r\n"
            + "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=poc.py\r\n\r\n"
            + Base64.getEncoder().encodeToString("print('A' * 70000)\n".getBytes(StandardCharsets.US_ASCII)) + "\r\n"
            + "------sinikael-?=_1-17332150000000.5--\r\n";

    @Test
    void readsTheMimeEntityMailvelopeEncryptsInlineWithAttachmentsAsTheMessageItHolds() throws Exception {
        String armored = armoredFor(MAILVELOPE_ENTITY, keys.rsa);
        byte[] raw = MailFixtures.message("Content-Type: text/plain; charset=utf-8\n"
                + "Content-Transfer-Encoding: quoted-printable\n\n" + armored + "\n");

        DecryptionResult result = decrypted(raw);

        ParsedMessage parsed = parse(result);
        assertThat(parsed.bodyText()).contains("The parser overflows at src/parse.c:42 with a 70000-byte header;"
                + " proof attached.").doesNotContain("Content-Type").doesNotContain("sinikael");
        assertThat(parsed.attachments()).extracting(AttachmentInfo::fileName).containsExactly("poc.py");
        assertThat(parsed.messageId()).isEqualTo("<report-1@example.net>");
    }

    @Test
    void readsTheMimeEntityMailvelopeEncryptsInlineInAnHtmlPartAsTheMessageItHolds() throws Exception {
        String armored = armoredFor(MAILVELOPE_ENTITY, keys.curve);
        String html = "<html><body><div><pre>" + armored.replace("\n", "<br>\n") + "</pre></div></body></html>\n";
        byte[] raw = MailFixtures.message("Content-Type: text/html; charset=utf-8\n\n" + html);

        DecryptionResult result = decrypted(raw);

        ParsedMessage parsed = parse(result);
        assertThat(parsed.bodyText()).contains("The parser overflows at src/parse.c:42").doesNotContain("sinikael");
        assertThat(parsed.attachments()).extracting(AttachmentInfo::fileName).containsExactly("poc.py");
    }

    @Test
    void keepsAsTextAPlaintextThatStartsWithTheHeadersOfAForwardedMail() throws Exception {
        String forwarded = "From: Alex <alex@researcher.example>\nSubject: crash in the parser\n"
                + "Content-Type: text/plain\n\nThe parser overflows at src/parse.c:42.\n";
        String armored = armoredFor(forwarded, keys.rsa);

        DecryptionResult result = decrypted(MailFixtures.message("Content-Type: text/plain; charset=utf-8\n\n" + armored));

        assertThat(bodyText(result)).contains("From: Alex <alex@researcher.example>", "Subject: crash in the parser",
                "src/parse.c:42");
    }

    @Test
    void keepsAsTextAPlaintextThatStartsWithAPastedHttpResponse() throws Exception {
        String pasted = "Content-Type: text/html; charset=utf-8\n\n<script>alert(document.cookie)</script>\n"
                + "is what /search?q=%3Cscript%3E returns: the parameter is echoed unescaped.\n";

        DecryptionResult result = decrypted(MailFixtures.message("Content-Type: text/plain; charset=utf-8\n\n"
                + armoredFor(pasted, keys.rsa)));

        assertThat(bodyText(result)).contains("Content-Type: text/html", "<script>alert(document.cookie)</script>",
                "echoed unescaped");
    }

    @Test
    void keepsTheTextAroundABlockThatHoldsAMimeEntityAndShowsTheEntityAsText() throws Exception {
        String armored = armoredFor(MAILVELOPE_ENTITY, keys.rsa);
        byte[] raw = MailFixtures.message("Content-Type: text/plain; charset=utf-8\n\n"
                + "Forwarding the report we got:\n\n" + armored + "\n");

        DecryptionResult result = decrypted(raw);

        assertThat(bodyText(result)).contains("Forwarding the report we got:").contains("src/parse.c:42");
    }

    /** {@code text} encrypted by GnuPG to {@code recipient}, armored. */
    private static String armoredFor(String text, String recipient) throws Exception {
        return armored(gpgEncrypt(text.getBytes(StandardCharsets.UTF_8), recipient));
    }

    /** The result of decrypting {@code raw}, which must have been decrypted. */
    private static DecryptionResult decrypted(byte[] raw) {
        DecryptionResult result = decryptor().decrypt(raw);
        assertThat(result.status()).as(result.detail()).isEqualTo(DecryptionResult.Status.DECRYPTED);
        return result;
    }

    @Test
    void decryptsAnEncryptedAttachmentInAPlainMessage() throws Exception {
        byte[] pdf = "%PDF-1.4 proof of concept".getBytes(StandardCharsets.US_ASCII);
        byte[] binary = keys.gpg.run(pdf, "--recipient", keys.rsa, "--encrypt");
        byte[] raw = MailFixtures.message("Content-Type: multipart/mixed; boundary=\"mix\"\n\n"
                + "--mix\nContent-Type: text/plain\n\nPoC attached, encrypted.\n"
                + "--mix\nContent-Type: application/octet-stream; name=\"report.pdf.gpg\"\n"
                + "Content-Disposition: attachment; filename=\"report.pdf.gpg\"\n"
                + "Content-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(binary) + "\n--mix--\n");

        DecryptionResult result = decryptor().decrypt(raw);

        assertThat(result.status()).as(result.detail()).isEqualTo(DecryptionResult.Status.DECRYPTED);
        String text = new String(result.content(), StandardCharsets.UTF_8);
        assertThat(text).contains("filename=report.pdf").doesNotContain("report.pdf.gpg")
                .contains("PoC attached, encrypted.")
                .contains(Base64.getMimeEncoder().encodeToString(pdf));
    }

    @Test
    void readsAsTextAReportEncryptedToAFileWithoutAnExtensionAsGpgArmorWritesIt() throws Exception {
        String report = "SQL injection in /search?q= of version 3.1.0, steps to reproduce attached.\n";
        byte[] armored = gpgEncrypt(report.getBytes(StandardCharsets.UTF_8), keys.rsa);
        byte[] binary = keys.gpg.run(report.getBytes(StandardCharsets.UTF_8), "--recipient", keys.rsa, "--encrypt");
        byte[] raw = MailFixtures.message("Content-Type: multipart/mixed; boundary=\"mix\"\n\n"
                + "--mix\nContent-Type: text/plain\n\nPlease see the attached encrypted report.\n"
                + "--mix\nContent-Type: application/pgp-encrypted; name=\"report.asc\"\n"
                + "Content-Disposition: attachment; filename=\"report.asc\"\n\n"
                + new String(armored, StandardCharsets.US_ASCII)
                + "\n--mix\nContent-Type: application/octet-stream; name=\"details.pgp\"\n"
                + "Content-Disposition: attachment; filename=\"details.pgp\"\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(binary)
                + "\n--mix\nContent-Type: application/octet-stream; name=\"poc.zip.gpg\"\n"
                + "Content-Disposition: attachment; filename=\"poc.zip.gpg\"\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(binary) + "\n--mix--\n");

        ParsedMessage read = parse(decrypted(raw));

        assertThat(read.attachments()).extracting(AttachmentInfo::fileName, AttachmentInfo::mimeType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("report", "text/plain"),
                        org.assertj.core.groups.Tuple.tuple("details", "text/plain"),
                        org.assertj.core.groups.Tuple.tuple("poc.zip", "application/octet-stream"));
        assertThat(read.attachedText()).isEqualTo(report.strip() + "\n\n" + report.strip());
    }

    @Test
    void reportsThePlainMessageAsNotEncrypted() {
        byte[] raw = MailFixtures.message("Content-Type: text/plain\n\nJust a plain report.\n");

        DecryptionResult result = decryptor().decrypt(raw);

        assertThat(result.status()).isEqualTo(DecryptionResult.Status.NOT_ENCRYPTED);
        assertThat(result.content()).isEmpty();
    }

    @Test
    void namesTheRecipientKeyWhenNoConfiguredKeyMatches() throws Exception {
        byte[] raw = MailFixtures.pgpMime(gpgEncrypt("for someone else".getBytes(StandardCharsets.UTF_8),
                keys.stranger));

        DecryptionResult result = decryptor().decrypt(raw);

        assertThat(result.status()).isEqualTo(DecryptionResult.Status.FAILED);
        assertThat(result.failure()).isEqualTo(DecryptionFailure.NO_MATCHING_KEY);
        assertThat(result.recipients()).containsExactly(keys.gpg.encryptionSubkeyId(GpgKeys.STRANGER_USER));
        assertThat(result.detail()).contains(keys.gpg.encryptionSubkeyId(GpgKeys.STRANGER_USER));
    }

    @Test
    void decryptsWithAnOlderKeyAfterRotation() throws Exception {
        MessageDecryptor onlyCurveFirst = new MessageDecryptor(SecretKeySet.empty()
                .with(keys.gpg.secretKey(keys.curve), GnuPg.PASSPHRASE.toCharArray())
                .with(keys.gpg.secretKey(keys.rsa), GnuPg.PASSPHRASE.toCharArray()),
                DecryptionLimits.DEFAULT, Clock.systemUTC());
        byte[] raw = MailFixtures.pgpMime(gpgEncrypt("old key".getBytes(StandardCharsets.UTF_8), keys.rsa));

        assertThat(onlyCurveFirst.decrypt(raw).status()).isEqualTo(DecryptionResult.Status.DECRYPTED);
    }

    @Test
    void refusesTamperedCiphertextAndReleasesNothing() throws Exception {
        byte[] binary = keys.gpg.run("tamper with me, this is long enough to flip a byte in the middle"
                .getBytes(StandardCharsets.UTF_8), "--compress-level", "0", "--recipient", keys.rsa, "--encrypt");
        binary[binary.length - 40] ^= 0x01;

        DecryptionResult result = decryptor().decrypt(MailFixtures.pgpMime(armor(binary)));

        assertThat(result.status()).isEqualTo(DecryptionResult.Status.FAILED);
        assertThat(result.failure()).isIn(DecryptionFailure.INTEGRITY_CHECK_FAILED, DecryptionFailure.CORRUPT_DATA);
        assertThat(result.content()).isEmpty();
    }

    @Test
    void refusesTamperedMdcAsAnIntegrityFailure() throws Exception {
        byte[] binary = keys.gpg.run("mdc".getBytes(StandardCharsets.UTF_8), "--compress-level", "0",
                "--recipient", keys.rsa, "--encrypt");
        binary[binary.length - 5] ^= 0x01;

        DecryptionResult result = decryptor().decrypt(MailFixtures.pgpMime(armor(binary)));

        assertThat(result.failure()).isEqualTo(DecryptionFailure.INTEGRITY_CHECK_FAILED);
    }

    @Test
    void readsTheOcbPacketGnuPg23AndLaterSendToAKeyThatOffersAead() throws Exception {
        byte[] raw = MailFixtures.pgpMime(HostileMessages.ocbEncrypted(keys.gpg.publicKey(keys.curve),
                INNER_ENTITY.getBytes(StandardCharsets.UTF_8)));

        DecryptionResult result = decryptor().decrypt(raw);

        assertThat(result.status()).as(result.detail()).isEqualTo(DecryptionResult.Status.DECRYPTED);
        assertThat(new String(result.content(), StandardCharsets.UTF_8)).isEqualTo(INNER_ENTITY);
    }

    @Test
    void refusesAMessageWithoutIntegrityProtectionFromGpgRfc2440Mode() throws Exception {
        byte[] raw = MailFixtures.pgpMime(gpgEncrypt("efail".getBytes(StandardCharsets.UTF_8), keys.rsa,
                "--rfc2440"));

        DecryptionResult result = decryptor().decrypt(raw);

        assertThat(result.failure()).isEqualTo(DecryptionFailure.NO_INTEGRITY_PROTECTION);
        assertThat(result.content()).isEmpty();
    }

    @Test
    void refusesTheObsoleteCast5CipherFromGpg() throws Exception {
        byte[] raw = MailFixtures.pgpMime(gpgEncrypt("cast5".getBytes(StandardCharsets.UTF_8), keys.curve,
                "--cipher-algo", "CAST5"));

        DecryptionResult result = decryptor().decrypt(raw);

        assertThat(result.failure()).isEqualTo(DecryptionFailure.OBSOLETE_CIPHER);
        assertThat(result.detail()).contains("CAST5");
    }

    @Test
    void refusesACompressionBombOverTheSizeLimit() throws Exception {
        byte[] bomb = HostileMessages.compressedZeros(keys.publicKey(keys.rsa), 8 * 1024 * 1024, 1);
        MessageDecryptor small = new MessageDecryptor(keys.secretKeys,
                new DecryptionLimits(1024 * 1024, Duration.ofSeconds(30)), Clock.systemUTC());

        DecryptionResult result = small.decrypt(MailFixtures.pgpMime(bomb));

        assertThat(bomb.length).isLessThan(64 * 1024);
        assertThat(result.failure()).isEqualTo(DecryptionFailure.COMPRESSION_BOMB);
    }

    @Test
    void refusesAMessageWhoseBlocksTogetherDecryptToMoreThanTheSizeLimitThoughEachIsUnderIt() throws Exception {
        MessageDecryptor small = new MessageDecryptor(keys.secretKeys,
                new DecryptionLimits(1024 * 1024, Duration.ofSeconds(30)), Clock.systemUTC());
        String[] blocks = new String[3];
        for (int i = 0; i < blocks.length; i++) {
            // GnuPG compresses by default: 400 KiB of zeros take a few hundred bytes of armor
            blocks[i] = armored(gpgEncrypt(new byte[400 * 1024], keys.rsa));
        }
        DecryptionResult alone = small.decrypt(inlineReport(blocks[0]));
        assertThat(alone.status()).as("one block alone is under the limit: " + alone.detail())
                .isEqualTo(DecryptionResult.Status.DECRYPTED);

        DecryptionResult result = small.decrypt(inlineReport(blocks));

        assertThat(result.failure()).isEqualTo(DecryptionFailure.COMPRESSION_BOMB);
        assertThat(result.content()).isEmpty();
    }

    @Test
    void acceptsCompressedDataUnderTheSizeLimit() throws Exception {
        byte[] fine = HostileMessages.compressedZeros(keys.publicKey(keys.rsa), 512 * 1024, 1);
        MessageDecryptor small = new MessageDecryptor(keys.secretKeys,
                new DecryptionLimits(1024 * 1024, Duration.ofSeconds(30)), Clock.systemUTC());

        DecryptionResult result = small.decrypt(MailFixtures.pgpMime(fine));

        assertThat(result.status()).as(result.detail()).isEqualTo(DecryptionResult.Status.DECRYPTED);
        assertThat(result.content()).hasSize(512 * 1024);
    }

    @Test
    void refusesNestedCompression() throws Exception {
        byte[] nested = HostileMessages.compressedZeros(keys.publicKey(keys.rsa), 1024, 2);

        DecryptionResult result = decryptor().decrypt(MailFixtures.pgpMime(nested));

        assertThat(result.failure()).isEqualTo(DecryptionFailure.COMPRESSION_BOMB);
        assertThat(result.detail()).contains("nested");
    }

    @Test
    void stopsWhenTheTimeLimitIsExceeded() throws Exception {
        byte[] raw = MailFixtures.pgpMime(gpgEncrypt(INNER_ENTITY.getBytes(StandardCharsets.UTF_8), keys.rsa));
        MessageDecryptor slow = new MessageDecryptor(keys.secretKeys,
                new DecryptionLimits(1024 * 1024, Duration.ofSeconds(30)), jumpingAMinutePerReading());

        DecryptionResult result = slow.decrypt(raw);

        assertThat(result.failure()).isEqualTo(DecryptionFailure.TIME_LIMIT_EXCEEDED);
    }

    @Test
    void stopsAtTheTimeLimitAMessageOfDamagedBlocksThoughNoneGetsToItsDecryption() throws Exception {
        // armor around what is no OpenPGP data at all: refused before any packet is read
        String garbage = ArmoredMessageBlocks.BEGIN + "\n\nbm90IE9wZW5QR1AgZGF0YQ==\n" + ArmoredMessageBlocks.END;
        MessageDecryptor slow = new MessageDecryptor(keys.secretKeys,
                new DecryptionLimits(1024 * 1024, Duration.ofSeconds(30)), jumpingAMinutePerReading());

        DecryptionResult result = slow.decrypt(inlineReport(garbage, garbage, garbage));

        assertThat(result.failure()).isEqualTo(DecryptionFailure.TIME_LIMIT_EXCEEDED);
    }

    /** A clock a minute later at each reading: any look at it after the start finds the time limit past. */
    private static Clock jumpingAMinutePerReading() {
        return new Clock() {
            private Instant now = Instant.parse("2026-01-01T00:00:00Z");

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                now = now.plusSeconds(60);
                return now;
            }
        };
    }

    @Test
    void reportsGarbageInsideMultipartEncryptedAsCorrupt() {
        byte[] raw = MailFixtures.pgpMime("-----BEGIN PGP MESSAGE-----\n\nAAAA\n-----END PGP MESSAGE-----\n"
                .getBytes(StandardCharsets.US_ASCII));

        DecryptionResult result = decryptor().decrypt(raw);

        assertThat(result.failure()).isEqualTo(DecryptionFailure.CORRUPT_DATA);
    }

    /** A plain text report holding {@code blocks}, each after a line of text. */
    private static byte[] inlineReport(String... blocks) {
        StringBuilder body = new StringBuilder("Hello security team,\n\n");
        for (String block : blocks) {
            body.append("Here it is:\n\n").append(block).append('\n');
        }
        return MailFixtures.message("Content-Type: text/plain; charset=us-ascii\n\n" + body + "Regards\n");
    }

    /** {@code text} quoted as a mail client quotes the mail it replies to, "> " before each line. */
    private static String quoted(String text) {
        return text.lines().map(l -> "> " + l).collect(java.util.stream.Collectors.joining("\n"));
    }

    private static String armored(byte[] armor) {
        return new String(armor, StandardCharsets.US_ASCII).strip();
    }

    /** {@code armor} with one character of its base64 changed, as a mangled copy and paste leaves it. */
    private static String damaged(String armor) {
        int middle = armor.length() / 2;
        while (!Character.isLetterOrDigit(armor.charAt(middle))) {
            middle++;
        }
        char changed = armor.charAt(middle) == 'A' ? 'B' : 'A';
        return armor.substring(0, middle) + changed + armor.substring(middle + 1);
    }

    /** The body text of the decrypted message, as the pipeline reads it, with LF line endings. */
    private static String bodyText(DecryptionResult result) throws Exception {
        return parse(result).bodyText().replace("\r\n", "\n");
    }

    /** The decrypted message as the pipeline parses it. */
    private static ParsedMessage parse(DecryptionResult result) throws Exception {
        byte[] content = result.content();
        return new MimeParser(ParseLimits.defaults()).parse(new ByteArrayInputStream(content), content.length);
    }

    static byte[] armor(byte[] binary) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream armored = ArmoredOutputStream.builder().clearHeaders().build(out)) {
            armored.write(binary);
        }
        return out.toByteArray();
    }
}

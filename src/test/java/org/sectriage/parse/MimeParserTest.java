package org.sectriage.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sectriage.parse.MailFixtures.bytes;
import static org.sectriage.parse.MailFixtures.parse;
import static org.sectriage.parse.MailFixtures.parseText;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sectriage.domain.EmailAddress;

class MimeParserTest {

    private static final ParseLimits DEFAULTS = ParseLimits.defaults();

    @Test
    void readsPlainReportWithCrlfLineEndings() {
        assertTrue(new String(bytes("plain-report-with-repro-steps.eml"), StandardCharsets.UTF_8).contains("\r\n"),
                "the fixture must keep its CRLF line endings");

        ParsedMessage m = parse("plain-report-with-repro-steps.eml");

        assertEquals("<6c1f9b1e-3a0d-4c2e-9f57-2d1b8e0a7c44@fastmail.se>", m.messageId());
        assertEquals(new EmailAddress("mara.lindqvist@fastmail.se", "Mara Lindqvist"), m.from());
        assertEquals(List.of(EmailAddress.of("security@example.org")), m.to());
        assertEquals("Path traversal in /api/v2/export allows reading arbitrary files", m.subject());
        assertEquals(Instant.parse("2025-06-03T12:02:11Z"), m.date());
        assertEquals("text/plain", m.mimeType());
        assertTrue(m.bodyText().contains("Steps to reproduce:\n1. Start example-server 4.2.1"), m.bodyText());
        assertTrue(m.bodyText().contains("any valid account – no admin rights"), "8-bit UTF-8 decoded");
        assertFalse(m.bodyText().contains("\r"), "line ends are LF");
        assertEquals(2, m.headers().all("Received").size());
        assertFalse(m.headers().first("dkim-signature").orElseThrow().contains("\n"), "folded fields are unfolded");
        assertEquals(List.of(), m.problems());
    }

    @Test
    void decodesIso88591BodyAndEncodedWordSubject() {
        ParsedMessage m = parse("iso-8859-1-report-german.eml");

        assertEquals("Sicherheitslücke beim Passwort-Zurücksetzen", m.subject());
        assertEquals("Jürgen Müller", m.from().displayName());
        assertTrue(m.bodyText().contains("vollständige Übernahme fremder Konten"), m.bodyText());
        assertTrue(m.bodyText().contains("user=ich@example.de"), "quoted-printable =3D decoded");
        assertTrue(m.bodyText().endsWith("Mit freundlichen Grüßen\nJürgen Müller\n"), m.bodyText());
        assertEquals(List.of(), m.problems());
    }

    @Test
    void decodesWindows1252SmartQuotesAndPrefersPlainTextOverHtml() {
        ParsedMessage m = parse("windows-1252-report-from-outlook.eml");

        assertEquals("Hard-coded “remember me” signing key", m.subject());
        assertEquals("René Dubois", m.from().displayName());
        assertTrue(m.bodyText().contains("the “remember me” cookie"), m.bodyText());
        assertTrue(m.bodyText().contains("installation – it’s hard-coded"), m.bodyText());
        assertTrue(m.bodyText().contains("for any user…"), m.bodyText());
        assertTrue(m.bodyText().contains("pay €500"), m.bodyText());
        assertFalse(m.bodyText().contains("<p>"), "the text/plain alternative is the body");
        assertEquals(List.of(), m.attachments(), "alternatives of the body are not attachments");
    }

    @Test
    void stripsCrlfInjectedIntoSubject() {
        ParsedMessage m = parse("encoded-word-subject-with-crlf.eml");

        assertEquals("Report Bcc: everyone@example.org injected body", m.subject());
        assertEquals(new EmailAddress("eve@attacker.example", "Eve Bcc: victim@example.net"), m.from());
        assertEquals("helloworld[31m red", m.headers().first("x-comment").orElseThrow(), "NUL and ESC removed");
        m.headers().fields().forEach((name, values) -> values.forEach(value ->
                assertTrue(value.chars().noneMatch(c -> c < 0x20 && c != '\t'), name + ": " + value)));
    }

    @Test
    void readsThreadingHeadersOfAThunderbirdReply() {
        ParsedMessage m = parse("thunderbird-reply-with-references.eml");

        assertEquals(List.of("<sectriage.SEC-2025-0042.ack@example.org>"), m.inReplyTo());
        assertEquals(List.of("<6c1f9b1e-3a0d-4c2e-9f57-2d1b8e0a7c44@fastmail.se>",
                "<sectriage.SEC-2025-0042.ack@example.org>"), m.references());
        assertEquals(List.of(new EmailAddress("security@example.org", "example.org security team")), m.to());
        assertEquals(List.of(new EmailAddress("lead@fastmail.se", "Team Lead")), m.cc(),
                "an empty group is no address and no problem");
        assertEquals(List.of(), m.problems());
    }

    @Test
    void readsInternationalizedAddressesWrittenInUtf8AsRfc6532AllowsWholly() {
        ParsedMessage m = parseText("""
                From: Jörg Weiß <jörg@exämple.de>
                To: security@example.org, 用户@例子.中国
                Subject: report
                Message-ID: <u1@exämple.de>

                body
                """);

        assertEquals(new EmailAddress("jörg@exämple.de", "Jörg Weiß"), m.from());
        assertEquals(List.of(EmailAddress.of("security@example.org"), EmailAddress.of("用户@例子.中国")), m.to());
        assertEquals(List.of(), m.problems());
    }

    @Test
    void readsEveryInlineTextPartOfAMixedMessageAsApplesMailWritesTextAroundAnImage() {
        ParsedMessage m = parseText("""
                From: a@example.org
                Message-ID: <mixed-1@example.org>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="Apple-Mail=_1"

                --Apple-Mail=_1
                Content-Type: text/plain; charset=us-ascii

                1. Open /admin/export as a viewer.

                --Apple-Mail=_1
                Content-Disposition: inline; filename=export.png
                Content-Type: image/png; name="export.png"
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --Apple-Mail=_1
                Content-Type: text/plain; charset=us-ascii

                2. The export holds every user's password hash.
                --Apple-Mail=_1--
                """);

        assertTrue(m.bodyText().contains("1. Open /admin/export as a viewer."), m.bodyText());
        assertTrue(m.bodyText().contains("2. The export holds every user's password hash."), m.bodyText());
        assertTrue(m.bodyText().indexOf("1. Open") < m.bodyText().indexOf("2. The export"), m.bodyText());
        assertEquals(List.of("export.png"), m.attachments().stream().map(AttachmentInfo::fileName).toList());
    }

    @Test
    void readsOnlyTheFirstOfTwoPlainTextAlternatives() {
        ParsedMessage m = parseText("""
                From: a@example.org
                Message-ID: <alt-1@example.org>
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset=us-ascii

                the text
                --alt
                Content-Type: text/plain; charset=us-ascii

                the same text again
                --alt--
                """);

        assertEquals("the text", m.bodyText().strip());
    }

    @Test
    void toleratesMessageIdsWithoutBracketsAndWithGarbage() {
        ParsedMessage m = parseText("""
                From: a@example.org
                Message-ID: no-brackets@example.org
                In-Reply-To: one@example.org (Alice's message of Tuesday)
                References: <one@example.org> junk <two@example.org>,
                 <> <three@ex
                 ample.org> <one@example.org>

                body
                """);

        assertEquals("<no-brackets@example.org>", m.messageId());
        assertEquals(List.of("<one@example.org>"), m.inReplyTo());
        assertEquals(List.of("<one@example.org>", "<two@example.org>", "<three@example.org>"), m.references());
    }

    @Test
    void keepsNoMessageIdTooLongToBeRepeatedInOneHeaderLineOfAReply() {
        String fits = "a".repeat(900) + "@example.org";
        String tooLong = "b".repeat(975) + "@example.org";
        ParsedMessage m = parseText("From: a@example.org\nMessage-ID: <" + tooLong + ">\nReferences: <" + fits
                + ">\n <" + tooLong + ">\n\nbody\n");

        assertNull(m.messageId(), "'In-Reply-To: <id>' would be longer than the 998 characters of a header line");
        assertEquals(List.of("<" + fits + ">"), m.references());
    }

    @Test
    void missingMessageIdAndUnparseableFromAreProblemsNotFailures() {
        ParsedMessage m = parseText("""
                From: not an address
                To: ok@example.org, <<garbage>> @@
                Date: yesterday at noon

                still read
                """);

        assertNull(m.messageId());
        assertNull(m.from());
        assertNull(m.date());
        assertEquals(List.of(EmailAddress.of("ok@example.org")), m.to());
        assertEquals("still read\n", m.bodyText());
        assertTrue(m.problems().contains("missing Message-ID"), m.problems().toString());
        assertTrue(m.problems().contains("unparseable From"), m.problems().toString());
        assertTrue(m.problems().contains("unparseable address in To: skipped"), m.problems().toString());
    }

    @Test
    void unknownCharsetFallsBackToUtf8AndSaysSo() {
        ParsedMessage m = parse("unknown-charset.eml");

        assertTrue(m.bodyText().contains("Grüße aus Zürich,\nLoïc"), m.bodyText());
        assertEquals(List.of("unknown charset 'x-unknown' in part 1: decoded as UTF-8"), m.problems());
    }

    @Test
    void unknownCharsetWithLatin1BytesFallsBackToWindows1252() {
        ParsedMessage m = parseText("""
                From: a@example.org
                Message-ID: <latin1@example.org>
                Content-Type: text/plain; charset=x-foo
                Content-Transfer-Encoding: quoted-printable

                Gr=FC=DFe =96 =80
                """);

        assertEquals("Grüße – €\n", m.bodyText());
        assertEquals(List.of("unknown charset 'x-foo' in part 1: decoded as windows-1252"), m.problems());
    }

    @Test
    void multipartWithoutBoundaryIsReadAsPlainText() {
        ParsedMessage m = parse("missing-boundary.eml");

        assertTrue(m.bodyText().contains("redirects to any URL given in the next parameter"), m.bodyText());
        assertEquals(List.of("multipart without its boundary: read as plain text"), m.problems());
    }

    @Test
    void dsnBounceKeepsNotificationAsBodyAndReportPartsAsAttachments() {
        ParsedMessage m = parse("dsn-bounce-postfix.eml");

        assertEquals("multipart/report", m.mimeType());
        assertTrue(m.headers().first("content-type").orElseThrow().contains("report-type=delivery-status"));
        assertEquals("MAILER-DAEMON@mx.example.org", m.from().address());
        assertTrue(m.bodyText().startsWith("This is the mail system at host mx.example.org."), m.bodyText());
        assertEquals(List.of("message/delivery-status", "text/rfc822-headers"),
                m.attachments().stream().map(AttachmentInfo::mimeType).toList());
        assertEquals(List.of("<sectriage.SEC-2025-0043.ack@example.org>"), m.returnedMessageIds());
        assertFalse(m.headers().has("x-loop"), "headers of the returned message are not the bounce's own");
        assertEquals(List.of(), m.problems());
    }

    @Test
    void aReturnedHeaderLabelledMessageRfc822HeadersAsSomeServersLabelItIsRead() {
        String dsn = new String(bytes("dsn-bounce-postfix.eml"), StandardCharsets.UTF_8)
                .replace("Content-Type: text/rfc822-headers", "Content-Type: message/rfc822-headers");

        assertEquals(List.of("<sectriage.SEC-2025-0043.ack@example.org>"), parseText(dsn).returnedMessageIds());
    }

    @Test
    void aDelayWarningOrAReadReceiptReturnsNoMessage() {
        String dsn = new String(bytes("dsn-bounce-postfix.eml"), StandardCharsets.UTF_8);
        String delayed = dsn.replace("Subject: Undelivered Mail Returned to Sender",
                "Subject: Delayed Mail (still being retried)").replace("Action: failed", "Action: delayed")
                .replace("Status: 5.1.1", "Status: 4.4.1");
        String readReceipt = dsn.replace("report-type=delivery-status", "report-type=disposition-notification")
                .replace("Content-Type: message/delivery-status", "Content-Type: message/disposition-notification")
                .replace("Action: failed", "Disposition: manual-action/MDN-sent-manually; displayed");

        assertEquals(List.of(), parseText(delayed).returnedMessageIds(), "delivery is still being tried");
        assertEquals(List.of(), parseText(readReceipt).returnedMessageIds(), "the mail was read");
        assertEquals(List.of("<sectriage.SEC-2025-0043.ack@example.org>"),
                parseText(dsn.replace("Action: failed", "Action: delayed\n\nFinal-Recipient: rfc822; b@x.example\n"
                        + "Action: FAILED")).returnedMessageIds(), "one recipient failed");
    }

    @Test
    void htmlOnlyBodyBecomesTextWithoutFetchingAnything() throws IOException {
        try (ServerSocket tracker = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String html = new String(bytes("html-only-with-remote-images.eml"), StandardCharsets.US_ASCII)
                    .replace("https://tracker.example.net", "http://127.0.0.1:" + tracker.getLocalPort());

            ParsedMessage m = parseText(html);

            assertEquals("text/html", m.mimeType());
            assertTrue(m.bodyText().startsWith("Hello security team,"), m.bodyText());
            assertTrue(m.bodyText().contains("embedded scripts & serves them inline — a stored XSS."), m.bodyText());
            assertTrue(m.bodyText().contains("Steps:\n1. Log in as any user\n2. Upload poc.svg\n"), m.bodyText());
            assertTrue(m.bodyText().contains("Open /files/poc.svg → the alert fires"), m.bodyText());
            for (String dropped : List.of("<", "127.0.0.1", "fetch(", "background", "Security report", "TrackMail")) {
                assertFalse(m.bodyText().contains(dropped), "kept '" + dropped + "': " + m.bodyText());
            }
            tracker.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, tracker::accept, "the parser connected to an image's host");
        }
    }

    @Test
    void anHtmlBodyIsLaidOutInLinesAsMailClientsShowItNotWithABlankLineAtEveryBlock() {
        String gmail = "<div dir=\"ltr\"><div>Hi Alex,</div><div><br></div><div>we can reproduce it.</div>"
                + "<div>A fix is coming.<br></div><div><br></div><div>Maria</div></div>";
        String outlook = "<div class=WordSection1><p class=MsoNormal>Hi Alex,<o:p></o:p></p>"
                + "<p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal>we can reproduce it.<o:p></o:p></p>"
                + "<p class=MsoNormal>A fix is coming.<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>"
                + "<p class=MsoNormal>Maria<o:p></o:p></p></div>";
        String paragraphs = "<p>Hi Alex,</p><p>we can reproduce it.<br>A fix is coming.</p><p>Maria</p>";
        String expected = "Hi Alex,\n\nwe can reproduce it.\nA fix is coming.\n\nMaria";

        for (String html : List.of(gmail, outlook, paragraphs)) {
            assertEquals(expected, parseText("Content-Type: text/html; charset=utf-8\n\n" + html + "\n").bodyText(), html);
        }
        assertEquals("Thanks.\n\n> On Sun, Dec 6, 2026 Sectriage wrote:\n> New report\n> > older",
                parseText("Content-Type: text/html; charset=utf-8\n\n<div>Thanks.</div><br><div class=gmail_quote>"
                        + "<blockquote><div>On Sun, Dec 6, 2026 Sectriage wrote:</div><div>New report</div>"
                        + "<blockquote><div>older</div></blockquote></blockquote></div>\n").bodyText());
    }

    @Test
    void theCellsOfAnHtmlTableRowAreWordsApartNotRunTogether() {
        String signature = "<p>Thanks Alex.</p><table><tr><td><b>Maria Berg</b></td><td>Release manager</td></tr>"
                + "<tr><th>Phone</th><td>+49 30 1234 5678</td></tr></table>";

        assertEquals("Thanks Alex.\n\nMaria Berg Release manager\nPhone +49 30 1234 5678",
                parseText("Content-Type: text/html; charset=utf-8\n\n" + signature + "\n").bodyText());
    }

    @Test
    void unsafeAttachmentNamesAreNeutralised() {
        ParsedMessage m = parse("attachment-name-path-traversal.eml");

        assertEquals("The proof of concept is in the attached files.\n", m.bodyText());
        List<String> names = m.attachments().stream().map(AttachmentInfo::fileName).toList();
        assertEquals(List.of("backdoor", "evil.dll", "invoicefdp.exe", "pocX-Injected_ 1.txt", "screenshot.png"),
                names.subList(0, 5));
        String longName = names.get(5);
        assertTrue(longName.length() <= SafeFileName.MAX_LENGTH && longName.endsWith(".txt")
                && longName.startsWith("quarterly-security-assessment-xxx"), longName);
        for (String name : names) {
            assertFalse(name.contains("/") || name.contains("\\") || name.contains("..") || name.contains("\u202e")
                    || name.chars().anyMatch(c -> c < 0x20), name);
        }
        assertTrue(m.problems().stream().filter(p -> p.startsWith("attachment name in part ")).count() >= 5,
                m.problems().toString());
        assertEquals(List.of(55L, 64L, 15L, 36L, 32L, 10L),
                m.attachments().stream().map(AttachmentInfo::size).toList(), "decoded sizes");
        assertEquals("application/x-msdownload", m.attachments().get(1).mimeType());
    }

    @Test
    void anAttachedTextFileIsReadBesideTheBodyButIsNotTheBody() {
        ParsedMessage m = parse("classify/gmail-see-the-attached-report-txt.eml");

        assertEquals("Hi,\n\nplease see the attached report.\n\nBest,\nAlex\n", m.bodyText());
        assertEquals(List.of("report.txt"), m.attachments().stream().map(AttachmentInfo::fileName).toList());
        assertTrue(m.attachedText().startsWith("Summary: SQL injection in the search endpoint\n"), m.attachedText());
        assertTrue(m.subjectAndText().contains("please see the attached report.")
                && m.subjectAndText().contains("src/search/SearchDao.java:57"), m.subjectAndText());
    }

    @Test
    void aMailForwardedAsAnAttachmentIsReadBesideTheBodyWithItsSenderAndSubject() {
        ParsedMessage m = parse("classify/report-forwarded-as-an-attached-message-rfc822.eml");

        assertEquals("Forwarding this, it was sent to me by mistake.\n", m.bodyText());
        assertTrue(m.attachedText().startsWith("Forwarded message from Kim <kim@researcher.example>\n"
                + "Subject: vulnerability in your upload handler\nThe avatar upload in version 5.1.0"), m.attachedText());
        assertEquals(List.of("message/rfc822"), m.attachments().stream().map(AttachmentInfo::mimeType).toList());
    }

    @Test
    void twoThousandNestedMultipartsStopAtDepthLimit() {
        String raw = GeneratedMail.nestedMultiparts(2_000);

        ParsedMessage m = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parseText(raw));

        assertEquals("multipart/mixed", m.mimeType());
        assertEquals("outer note", m.bodyText(), "parts below the limit are not read");
        assertEquals(List.of("MIME nesting deeper than 50 levels: inner parts not parsed"), m.problems());
    }

    @Test
    void partsWithinTheNestingLimitAreRead() {
        ParsedMessage m = parseText(GeneratedMail.nestedMultiparts(DEFAULTS.maxNestingDepth()));

        assertEquals("innermost\n\nouter note", m.bodyText(), "the innermost text, and the outer one after it");
        assertEquals(List.of(), m.problems());
    }

    @Test
    void thirtyMegabyteAttachmentIsCountedNotBuffered() throws IOException {
        long size = 30L * 1024 * 1024;
        MimeParser parser = new MimeParser(DEFAULTS);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        parse("attachment-name-path-traversal.eml"); // loads and initialises the classes first

        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        ParsedMessage m = parser.parse(GeneratedMail.withZeroAttachment(size), size * 4 / 3);
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;

        assertEquals(List.of(new AttachmentInfo("core.dump", "application/octet-stream", size)), m.attachments());
        assertEquals("The core dump is attached.", m.bodyText());
        assertTrue(allocated < size / 4, "parsing allocated " + allocated + " bytes for a " + size + "-byte attachment");
    }

    @Test
    void messageOverSizeLimitKeepsHeadersAndNotesProblem() {
        byte[] raw = bytes("plain-report-with-repro-steps.eml");
        long declaredSize = 120L * 1024 * 1024;

        ParsedMessage m = parseDeclaringSize(raw, declaredSize);

        assertEquals("Path traversal in /api/v2/export allows reading arbitrary files", m.subject());
        assertEquals("mara.lindqvist@fastmail.se", m.from().address());
        assertNotNull(m.messageId());
        assertEquals("", m.bodyText());
        assertEquals(List.of("message is 120 MB, over the 50 MB limit: body not parsed"), m.problems());
    }

    @Test
    void streamLongerThanItsDeclaredSizeIsCutAtTheLimit() throws IOException {
        String raw = "From: a@example.org\nMessage-ID: <long@example.org>\n\n" + "0123456789\n".repeat(1_000);
        ParseLimits limits = new ParseLimits(2048, 1000, 65_536, 100_000, 50, 1_000_000);

        ParsedMessage m = new MimeParser(limits).parse(
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)), 1_000);

        assertTrue(m.bodyText().startsWith("0123456789\n") && m.bodyText().length() < 2048, m.bodyText());
        assertEquals(List.of("message is longer than the 2 KB limit: the rest not parsed"), m.problems());
    }

    @Test
    void fiftyThousandHeadersAreCappedNotFatal() {
        String raw = GeneratedMail.withHeaderFields(50_000);

        ParsedMessage m = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parseText(raw));

        assertEquals("generated", m.subject());
        assertEquals("<generated@fastmail.se>", m.messageId());
        int kept = m.headers().fields().values().stream().mapToInt(List::size).sum();
        assertEquals(DEFAULTS.maxHeaderCount(), kept);
        assertEquals(List.of("more than 1000 header fields: the rest of the message ignored"), m.problems());
    }

    @Test
    void overlongHeaderLineIsAProblemNotACrash() {
        ParsedMessage m = parseText("From: a@example.org\nMessage-ID: <x@example.org>\nTo: b@example.org\nX-Long: "
                + "a".repeat(200_000) + "\n\nbody\n");

        assertEquals("a@example.org", m.from().address());
        assertEquals("<x@example.org>", m.messageId());
        assertEquals(List.of("line longer than 100000 characters: the rest of the message ignored"), m.problems());
    }

    @Test
    void overlongFoldedHeaderFieldIsAProblemNotACrash() {
        ParsedMessage m = parseText("From: a@example.org\nMessage-ID: <x@example.org>\nX-Long: start\n"
                + " folded continuation line\n".repeat(5_000) + "\nbody\n");

        assertEquals(List.of("header field longer than 65536 characters: the rest of the message ignored"), m.problems());
    }

    @Test
    void bodyTextIsBoundedAndMarkedTruncated() {
        ParseLimits limits = new ParseLimits(1_000_000, 1000, 65_536, 100_000, 50, 100);
        String raw = "From: a@example.org\nMessage-ID: <t@example.org>\n\n" + "é".repeat(1_000) + "\n";

        ParsedMessage m = MailFixtures.parse(raw.getBytes(StandardCharsets.UTF_8), limits);

        assertEquals("é".repeat(100), m.bodyText());
        assertTrue(m.bodyTruncated());
        assertFalse(parseText(raw).bodyTruncated(), "within the limit nothing is cut");
    }

    @Test
    void failureOfTheStreamItselfIsThrown() {
        InputStream failing = new FilterInputStream(new ByteArrayInputStream(bytes("plain-report-with-repro-steps.eml"))) {
            private int served;

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (served > 1000) {
                    throw new IOException("database connection lost");
                }
                int n = super.read(buffer, offset, Math.min(length, 100));
                served += Math.max(n, 0);
                return n;
            }
        };

        IOException thrown = assertThrows(IOException.class, () -> new MimeParser(DEFAULTS).parse(failing, 2717));
        assertEquals("database connection lost", thrown.getMessage());
    }

    @Test
    void garbageNeverThrows() {
        Random random = new Random(20250603);
        for (int i = 0; i < 200; i++) {
            byte[] junk = new byte[random.nextInt(8192)];
            random.nextBytes(junk);
            ParsedMessage m = MailFixtures.parse(junk, DEFAULTS);
            assertNotNull(m.bodyText());
        }
        for (String text : List.of("", "\n\n\n", "no header at all", "Content-Type: multipart/mixed; boundary=\"\"\n\n--\n",
                "Content-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/plain\n",
                "Content-Type: text/plain; charset=\"\u0000\"\n\nx", "Content-Transfer-Encoding: base64\n\n!!!!====")) {
            assertNotNull(parseText(text).problems(), text);
        }
    }

    private static ParsedMessage parseDeclaringSize(byte[] raw, long declaredSize) {
        try {
            return new MimeParser(DEFAULTS).parse(new ByteArrayInputStream(raw), declaredSize);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

package org.sectriage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.config.SectriageConfig;
import org.sectriage.config.SectriageConfig.CoordinatorRole;
import org.sectriage.domain.EmailAddress;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.DaemonExtension;
import org.sectriage.testing.MailServer;
import org.sectriage.testing.TestConfig;
import org.sectriage.testing.TestMail;

/**
 * Encrypted reports end to end, with keys and messages made by the real GnuPG: decrypted and handled like
 * any report, nothing derived from them sent in plaintext, what cannot be decrypted answered in plaintext
 * with the reason and our key's fingerprint.
 */
class EncryptedReportTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String REPORTER = "alex@researcher.example";
    private static final String SECRET_REPORT = "Content-Type: text/plain; charset=utf-8\n\n"
            + "Stored XSS in the comment preview: the field 'nickname' is rendered unescaped in\n"
            + "src/views/preview.html. Steps to reproduce: 1. log in 2. set nickname to <script>alert(1)</script>.\n";

    @TempDir
    static Path temp;
    private static GnuPg gpg;
    private static String security;
    private static String maria;
    private static String reporter;
    private static String stranger;
    /** The reporter's next key, which a mail signed by their first announces. */
    private static String reporterNext;
    private static Path keyFile;
    private static Path passphraseFile;
    private static Path mariaKey;
    private static String rotatedOut;
    private static Path rotatedOutKeyFile;

    @BeforeAll
    static void makeKeys() throws Exception {
        gpg = GnuPg.inTemporaryHome(temp);
        security = gpg.generateKey("Example Security <" + TestConfig.SECURITY + ">", "ed25519", "cv25519");
        maria = gpg.generateKey("Maria <" + TestConfig.PRIMARY + ">", "rsa2048", "rsa2048");
        reporter = gpg.generateKey("Alex <" + REPORTER + ">", "ed25519", "cv25519");
        stranger = gpg.generateKey("Stranger <stranger@example.net>", "ed25519", "cv25519");
        reporterNext = gpg.generateKey("Alex (2027) <" + REPORTER + ">", "ed25519", "cv25519");
        keyFile = gpg.exportSecretKey(security, temp.resolve("security.sec.asc"));
        rotatedOut = gpg.generateKey("Example Security 2025 <" + TestConfig.SECURITY + ">", "ed25519", "cv25519");
        rotatedOutKeyFile = gpg.exportSecretKey(rotatedOut, temp.resolve("security-2025.sec.asc"));
        passphraseFile = temp.resolve("security.passphrase");
        Files.writeString(passphraseFile, GnuPg.PASSPHRASE + "\n");
        mariaKey = gpg.exportPublicKey(maria, temp.resolve("maria.pub.asc"));
    }

    @AfterAll
    static void stopAgent() {
        if (gpg != null) {
            gpg.close();
        }
    }

    @RegisterExtension
    final DaemonExtension sectriage = new DaemonExtension(GREENMAIL, c -> TestConfig.withMaintainers(
            TestConfig.withOpenPgp(c, new SectriageConfig.OpenPgp(
                    List.of(new SectriageConfig.SecretKeyFiles(keyFile, passphraseFile),
                            new SectriageConfig.SecretKeyFiles(rotatedOutKeyFile, passphraseFile)),
                    c.openpgp().keyDirectory(),
                    SectriageConfig.MaintainersWithoutKey.NOTICE, true, 25L << 20, Duration.ofSeconds(30))),
            List.of(new SectriageConfig.Maintainer("Maria", EmailAddress.of(TestConfig.PRIMARY), CoordinatorRole.PRIMARY,
                            mariaKey),
                    new SectriageConfig.Maintainer("Sam", EmailAddress.of(TestConfig.SECONDARY),
                            CoordinatorRole.SECONDARY))));

    private static byte[] encrypt(String entity, String recipient, String... options) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(options));
        args.addAll(List.of("--armor", "--recipient", recipient, "--encrypt"));
        return gpg.run(MailFixtures.crlf(entity).getBytes(StandardCharsets.UTF_8), args.toArray(String[]::new));
    }

    private static MimeMessage pgpMimeFrom(String from, byte[] armored) {
        String raw = new String(MailFixtures.pgpMime(armored), StandardCharsets.UTF_8)
                .replace("From: Reporter <reporter@example.net>", "From: Alex <" + from + ">")
                .replace("To: undisclosed-recipients:;", "To: " + TestConfig.SECURITY)
                .replace("Message-ID: <report-1@example.net>", "Message-ID: <" + java.util.UUID.randomUUID() + "@researcher.example>");
        return TestMail.parse(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String gpgDecrypt(MimeMessage m) throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        m.writeTo(raw);
        String text = raw.toString(StandardCharsets.UTF_8);
        int begin = text.indexOf("-----BEGIN PGP MESSAGE-----");
        int end = text.indexOf("-----END PGP MESSAGE-----");
        assertThat(begin).as("an encrypted mail").isNotNegative();
        byte[] armored = text.substring(begin, end + "-----END PGP MESSAGE-----".length()).getBytes(StandardCharsets.US_ASCII);
        return new String(gpg.run(armored, "--decrypt"), StandardCharsets.UTF_8);
    }

    @Test
    void anEncryptedReportIsDecryptedClassifiedAndSentOnOnlyEncrypted() throws Exception {
        MailServer server = sectriage.server();
        CaseDatabase db = sectriage.db();
        server.sendToSecurity(pgpMimeFrom(REPORTER, encrypt(SECRET_REPORT, security)));

        MimeMessage ack = await().atMost(PATIENCE).until(() -> server.acknowledgementsTo(REPORTER), l -> l.size() == 1)
                .get(0);
        assertThat(TestMail.text(ack)).contains("We have decrypted your report")
                .doesNotContain("nickname").doesNotContain("preview").doesNotContain("please reply with:");
        assertThat(db.strings("SELECT encrypted || ' ' || vuln_class FROM security_case")).containsExactly("TRUE xss");

        MimeMessage toMaria = await().atMost(PATIENCE)
                .until(() -> server.sentBySectriageTo(TestConfig.PRIMARY), l -> l.size() == 1).get(0);
        assertThat(TestMail.isTo(toMaria, TestConfig.SECONDARY)).isFalse();
        assertThat(toMaria.getContentType()).startsWith("multipart/encrypted");
        assertThat(gpgDecrypt(toMaria)).contains("nickname").contains("Classified: xss");

        MimeMessage toSam = await().atMost(PATIENCE)
                .until(() -> server.sentBySectriageTo(TestConfig.SECONDARY), l -> l.size() == 1).get(0);
        String notice = TestMail.text(toSam);
        assertThat(notice).contains("arrived encrypted").doesNotContain("nickname").doesNotContain("xss");
    }

    @Test
    void whatWasReadInsideTheEncryptionIsNotQuotedInPlaintextMailNotEvenInItsProblems() throws Exception {
        String withAttachment = "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\n" + SECRET_REPORT
                + "\n--b\nContent-Type: text/x-python\nContent-Disposition: attachment;"
                + " filename=\"rce_admin:bypass|upload.py\"\n\nprint('poc')\n--b--\n";
        MailServer server = sectriage.server();
        server.sendToSecurity(pgpMimeFrom(REPORTER, encrypt(withAttachment, security)));

        MimeMessage ack = await().atMost(PATIENCE).until(() -> server.acknowledgementsTo(REPORTER), l -> l.size() == 1)
                .get(0);
        MimeMessage toSam = await().atMost(PATIENCE)
                .until(() -> server.sentBySectriageTo(TestConfig.SECONDARY), l -> l.size() == 1).get(0);
        MimeMessage toMaria = await().atMost(PATIENCE)
                .until(() -> server.sentBySectriageTo(TestConfig.PRIMARY), l -> l.size() == 1).get(0);

        assertThat(TestMail.text(ack)).contains("We could not read all of your message")
                .doesNotContain("rce_admin").doesNotContain("upload.py");
        assertThat(TestMail.text(toSam)).doesNotContain("rce_admin").doesNotContain("upload.py");
        assertThat(gpgDecrypt(toMaria)).as("the maintainer with a key reads it all").contains("rce_admin");
    }

    @Test
    void aSubjectProtectedInsideTheEncryptionIsShownToMaintainersOnlyEncryptedAndNeverStored() throws Exception {
        String thunderbird = "Content-Type: multipart/mixed; boundary=\"------------tb\";\n protected-headers=\"v1\"\n"
                + "From: Alex <" + REPORTER + ">\nTo: " + TestConfig.SECURITY + "\n"
                + "Message-ID: <inner@researcher.example>\nSubject: Stored XSS in the comment preview\n\n"
                + "This is a multi-part message in MIME format.\n--------------tb\n" + SECRET_REPORT
                + "\n--------------tb--\n";
        MimeMessage report = pgpMimeFrom(REPORTER, encrypt(thunderbird, security));
        report.setSubject("...");
        MailServer server = sectriage.server();
        server.sendToSecurity(report);

        MimeMessage ack = await().atMost(PATIENCE).until(() -> server.acknowledgementsTo(REPORTER), l -> l.size() == 1)
                .get(0);
        MimeMessage toMaria = await().atMost(PATIENCE)
                .until(() -> server.sentBySectriageTo(TestConfig.PRIMARY), l -> l.size() == 1).get(0);
        MimeMessage toSam = await().atMost(PATIENCE)
                .until(() -> server.sentBySectriageTo(TestConfig.SECONDARY), l -> l.size() == 1).get(0);

        assertThat(sectriage.db().strings("SELECT subject FROM security_case")).as("never stored, as all it protects")
                .containsExactly("...");
        assertThat(sectriage.db().strings("SELECT subject FROM case_message UNION ALL SELECT subject FROM inbound_message"))
                .doesNotContain("Stored XSS in the comment preview");
        for (MimeMessage sent : List.of(ack, toMaria, toSam)) {
            assertThat(sent.getSubject()).endsWith("...").doesNotContain("XSS");
        }
        assertThat(gpgDecrypt(toMaria)).contains("Subject:  Stored XSS in the comment preview");
        assertThat(TestMail.text(toSam)).doesNotContain("XSS");
    }

    @Test
    void theReporterWhoseKeyCameWithTheReportGetsAnEncryptedAcknowledgementAskingForWhatIsMissing() throws Exception {
        String key = gpg.armoredPublicKey(reporter);
        String entity = "Content-Type: multipart/mixed; boundary=\"inner\"\n\n--inner\n"
                + "Content-Type: text/plain; charset=utf-8\n\nSQL injection in the search box: ' OR '1'='1\n"
                + "--inner\nContent-Type: application/pgp-keys; name=\"alex.asc\"\n\n" + key + "\n--inner--\n";
        MailServer server = sectriage.server();
        server.sendToSecurity(pgpMimeFrom(REPORTER, encrypt(entity, security)));

        MimeMessage ack = await().atMost(PATIENCE).until(() -> server.acknowledgementsTo(REPORTER), l -> l.size() == 1)
                .get(0);
        assertThat(ack.getContentType()).startsWith("multipart/encrypted");
        assertThat(gpgDecrypt(ack)).contains("please reply with:").contains("the affected versions");
        assertThat(sectriage.db().strings("SELECT fingerprint FROM known_key WHERE address = ?", REPORTER))
                .containsExactly(reporter);
    }

    @Test
    void aReportInAnEncryptedFileAttachedUnderAPlainNoteIsReadFromTheFileAndShownOnlyToMaintainersWithAKey()
            throws Exception {
        String report = "Stored XSS in the comment preview: the field 'nickname' is rendered unescaped in\n"
                + "src/views/preview.html. Steps to reproduce: 1. log in 2. set nickname to <script>alert(1)</script>.\n";
        byte[] file = gpg.run(MailFixtures.crlf(report).getBytes(StandardCharsets.UTF_8), "--recipient", security,
                "--encrypt");
        String raw = "From: Alex <" + REPORTER + ">\nTo: " + TestConfig.SECURITY + "\n"
                + "Subject: Security issue, details encrypted\nMessage-ID: <attached-gpg@researcher.example>\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n"
                + "--b\nContent-Type: text/plain; charset=utf-8\n\nHi, please see the attached encrypted report.\n\n"
                + "--b\nContent-Type: application/octet-stream; name=\"report.txt.gpg\"\n"
                + "Content-Disposition: attachment; filename=\"report.txt.gpg\"\nContent-Transfer-Encoding: base64\n\n"
                + java.util.Base64.getMimeEncoder().encodeToString(file) + "\n--b--\n";
        MailServer server = sectriage.server();
        server.sendToSecurity(TestMail.parse(MailFixtures.crlf(raw).getBytes(StandardCharsets.UTF_8)));

        MimeMessage ack = await().atMost(PATIENCE).until(() -> server.acknowledgementsTo(REPORTER), l -> l.size() == 1)
                .get(0);
        MimeMessage toMaria = await().atMost(PATIENCE)
                .until(() -> server.sentBySectriageTo(TestConfig.PRIMARY), l -> l.size() == 1).get(0);
        MimeMessage toSam = await().atMost(PATIENCE)
                .until(() -> server.sentBySectriageTo(TestConfig.SECONDARY), l -> l.size() == 1).get(0);

        assertThat(sectriage.db().strings("SELECT encrypted || ' ' || vuln_class || ' ' || low_evidence"
                + " FROM security_case")).as("classified from the file, not from the note").containsExactly("TRUE xss FALSE");
        assertThat(gpgDecrypt(toMaria)).contains("Classified: xss").contains("src/views/preview.html")
                .contains("please see the attached encrypted report");
        assertThat(TestMail.text(toSam)).doesNotContain("nickname").doesNotContain("xss");
        assertThat(TestMail.text(ack)).contains("We have decrypted your report").doesNotContain("nickname");
    }

    @Test
    void aReportEncryptedToAnotherKeyIsKeptAndAnsweredInPlaintextWithOurFingerprint() throws Exception {
        MailServer server = sectriage.server();
        server.sendToSecurity(pgpMimeFrom(REPORTER, encrypt(SECRET_REPORT, stranger)));

        MimeMessage ack = await().atMost(PATIENCE).until(() -> server.acknowledgementsTo(REPORTER), l -> l.size() == 1)
                .get(0);
        String text = TestMail.text(ack);
        assertThat(text).contains("we could not decrypt it").contains("https://project.example/security.asc");
        assertThat(text.substring(text.indexOf("our current key"), text.indexOf("which you can get")))
                .as("our current key, the first configured, not the one rotated out").contains(security)
                .doesNotContain(rotatedOut);
        assertThat(sectriage.db().strings("SELECT decryption_failure FROM security_case").get(0))
                .contains("none of our keys");
        MimeMessage toSam = await().atMost(PATIENCE)
                .until(() -> server.sentBySectriageTo(TestConfig.SECONDARY), l -> l.size() == 1).get(0);
        assertThat(TestMail.text(toSam)).contains("could NOT be decrypted");
    }

    @Test
    void aReportEncryptedWithAPassphraseOnlyIsAnsweredThatItNeedsOurKeyNotThatItWentToAnotherKey() throws Exception {
        String armored = new String(gpg.run(SECRET_REPORT.getBytes(StandardCharsets.UTF_8), "--armor", "--symmetric"),
                StandardCharsets.US_ASCII);
        MailServer server = sectriage.server();
        server.sendToSecurity(TestMail.report().from(REPORTER).subject("vulnerability report")
                .body("I will send you the passphrase by another channel.\n\n" + armored).build());

        MimeMessage ack = await().atMost(PATIENCE).until(() -> server.acknowledgementsTo(REPORTER), l -> l.size() == 1)
                .get(0);
        assertThat(TestMail.text(ack)).contains("we could not decrypt it: it was encrypted with a passphrase, not to our key")
                .contains("please do not send us the passphrase").contains(security)
                .doesNotContain("not encrypted to any of our keys");
        assertThat(sectriage.db().strings("SELECT decryption_failure FROM security_case").get(0)).contains("passphrase");
    }

    @Test
    void aReportEncryptedWithSmimeIsKeptAndAnsweredWithOurOpenPgpKeyInsteadOfAskedForDetails() throws Exception {
        MailServer server = sectriage.server();
        String dana = "dana@researcher.example";
        // as OpenSSL's smime -encrypt writes it, and Outlook's and Apple Mail's "Encrypt" buttons send it
        server.sendToSecurity(TestMail.parse(new String(org.sectriage.parse.MailFixtures.bytes(
                "smime-encrypted-report-openssl.eml"), StandardCharsets.US_ASCII)
                .replace("To: security@example.org", "To: " + TestConfig.SECURITY).getBytes(StandardCharsets.US_ASCII)));

        MimeMessage ack = await().atMost(PATIENCE).until(() -> server.acknowledgementsTo(dana), l -> l.size() == 1)
                .get(0);
        assertThat(TestMail.text(ack)).contains("we could not decrypt it: it is encrypted with S/MIME")
                .contains(security).doesNotContain("please reply with");
        assertThat(sectriage.db().strings("SELECT decryption_failure FROM security_case")).singleElement()
                .asString().contains("S/MIME");
        assertThat(sectriage.db().strings("SELECT encrypted FROM case_message WHERE direction = 'in'")).containsExactly("TRUE");
    }

    @Test
    void aReadableReportWithAnSmimeFileAttachedIsReadAndClassified() throws Exception {
        MailServer server = sectriage.server();
        String smime = new String(org.sectriage.parse.MailFixtures.bytes("smime-encrypted-report-openssl.eml"),
                StandardCharsets.US_ASCII);
        String p7m = smime.substring(smime.indexOf("\r\n\r\n") + 4);
        server.sendToSecurity(TestMail.parse(MailFixtures.crlf("From: Alex <" + REPORTER + ">\nTo: "
                + TestConfig.SECURITY + "\nSubject: SQL injection in the search\nMessage-ID: <with-p7m@researcher.example>\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"mix\"\n\n--mix\n"
                + "Content-Type: text/plain; charset=utf-8\n\nThe q parameter of /search is put unescaped into the SQL"
                + " query: q=' OR 1=1-- lists every row. Tested on 2.5.1.\n--mix\n"
                + "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=evidence.p7m\n"
                + "Content-Disposition: attachment; filename=evidence.p7m\nContent-Transfer-Encoding: base64\n\n")
                .concat(p7m).concat("\r\n--mix--\r\n").getBytes(StandardCharsets.US_ASCII)));

        await().atMost(PATIENCE).until(() -> server.acknowledgementsTo(REPORTER), l -> l.size() == 1);
        assertThat(sectriage.db().strings("SELECT vuln_class || ' ' || (decryption_failure IS NULL) FROM security_case"))
                .containsExactly("sqli TRUE");
    }

    @Test
    void anEncryptedFollowUpOnAPlaintextCaseMakesTheCaseConfidentialSoNoPlaintextMailQuotesIt() throws Exception {
        MailServer server = sectriage.server();
        server.sendToSecurity(TestMail.report().from(REPORTER).subject("Stored XSS in the comment preview").build());
        MimeMessage ack = await().atMost(PATIENCE).until(() -> server.acknowledgementsTo(REPORTER), l -> l.size() == 1)
                .get(0);
        await().atMost(PATIENCE).until(() -> server.sentBySectriageTo(TestConfig.SECONDARY), l -> l.size() == 1);

        // the reporter sends the details encrypted, in reply to the acknowledgement
        MimeMessage followUp = pgpMimeFrom(REPORTER, encrypt(SECRET_REPORT, security));
        followUp.setHeader("In-Reply-To", ack.getMessageID());
        followUp.setHeader("References", ack.getMessageID());
        server.sendToSecurity(followUp);

        MimeMessage toSam = await().atMost(PATIENCE)
                .until(() -> server.sentBySectriageTo(TestConfig.SECONDARY), l -> l.size() == 2).get(1);
        assertThat(TestMail.text(toSam)).as("Sam has no key: a notice without what the reporter wrote")
                .doesNotContain("nickname").doesNotContain("preview.html");
        assertThat(sectriage.db().strings("SELECT encrypted FROM security_case")).containsExactly("TRUE");
        assertThat(sectriage.db().events(sectriage.db().strings("SELECT id FROM security_case").get(0)))
                .contains("case-encrypted");
    }

    @Test
    void anInlineReportQuotingABlockToAnotherKeyIsDecryptedAndTheQuotedBlockNamedInItsProblems() throws Exception {
        String report = "Stored XSS in the comment preview: the field 'nickname' is rendered unescaped.\n";
        String ours = new String(gpg.run(report.getBytes(StandardCharsets.UTF_8), "--armor", "--recipient", security,
                "--encrypt"), StandardCharsets.US_ASCII);
        String older = new String(gpg.run("an older report".getBytes(StandardCharsets.UTF_8), "--armor",
                "--recipient", stranger, "--encrypt"), StandardCharsets.US_ASCII);
        String raw = "From: Alex <" + REPORTER + ">\nTo: " + TestConfig.SECURITY + "\nSubject: report\n"
                + "Message-ID: <inline-1@researcher.example>\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=us-ascii\n\nHello,\n\n" + ours
                + "\nOn Monday I wrote to the old address:\n\n" + older;
        MailServer server = sectriage.server();
        server.sendToSecurity(TestMail.parse(MailFixtures.crlf(raw).getBytes(StandardCharsets.UTF_8)));

        MimeMessage ack = await().atMost(PATIENCE).until(() -> server.acknowledgementsTo(REPORTER), l -> l.size() == 1)
                .get(0);
        assertThat(TestMail.text(ack)).doesNotContain("nickname").doesNotContain("we could not decrypt it");
        assertThat(sectriage.db().strings("SELECT encrypted || ' ' || vuln_class || ' ' || (decryption_failure IS NULL)"
                + " FROM security_case")).containsExactly("TRUE xss TRUE");
        assertThat(sectriage.db().strings("SELECT problems FROM security_case").get(0))
                .contains("OpenPGP block 2 left as it was").contains("not encrypted to any of our keys");
    }

    @Test
    void aMessageWithoutIntegrityProtectionIsRefusedNotRead() throws Exception {
        MailServer server = sectriage.server();
        server.sendToSecurity(pgpMimeFrom(REPORTER, encrypt(SECRET_REPORT, security, "--rfc2440")));

        MimeMessage ack = await().atMost(PATIENCE).until(() -> server.acknowledgementsTo(REPORTER), l -> l.size() == 1)
                .get(0);
        assertThat(TestMail.text(ack)).contains("we could not decrypt it").doesNotContain("nickname");
        assertThat(sectriage.db().strings("SELECT decryption_failure FROM security_case").get(0))
                .containsIgnoringCase("integrity");
        assertThat(sectriage.db().strings("SELECT vuln_class FROM security_case")).containsExactly((String) null);
    }

    /**
     * A report from the reporter's address, PGP/MIME-signed by {@code signer}, its Autocrypt header offering
     * {@code offered}'s key.
     */
    private static MimeMessage signedReport(String signer, String offered, String text) throws Exception {
        String part = MailFixtures.crlf("Content-Type: text/plain; charset=utf-8\n\n" + text + "\n");
        return signedMail(part, detachedSignature(signer, part), offered);
    }

    /** {@code signer}'s armored detached signature of {@code part}. */
    private static String detachedSignature(String signer, String part) throws Exception {
        return new String(gpg.run(part.getBytes(StandardCharsets.UTF_8), "--armor", "--local-user", signer,
                "--digest-algo", "SHA256", "--detach-sign"), StandardCharsets.US_ASCII);
    }

    /**
     * A mail from the reporter's address, {@code part} PGP/MIME-signed with {@code signature}, its Autocrypt header
     * (which no signature covers) offering {@code offered}'s key, or no such header when null.
     */
    private static MimeMessage signedMail(String part, String signature, String offered) throws Exception {
        String raw = "From: Alex <" + REPORTER + ">\nTo: " + TestConfig.SECURITY + "\nSubject: path traversal\n"
                + "Message-ID: <" + java.util.UUID.randomUUID() + "@researcher.example>\nMIME-Version: 1.0\n"
                + (offered == null ? "" : "Autocrypt: addr=" + REPORTER + "; keydata=" + base64Key(offered) + "\n")
                + "Content-Type: multipart/signed; micalg=pgp-sha256; protocol=\"application/pgp-signature\"; boundary=\"sig\"\n\n"
                + "--sig\n" + part + "\n--sig\nContent-Type: application/pgp-signature\n\n" + signature + "\n--sig--\n";
        return TestMail.parse(MailFixtures.crlf(raw).getBytes(StandardCharsets.UTF_8));
    }

    /** The signature facts recorded for each message received, in order: status, signer, whether whole. */
    private List<String> inboundSignatures() {
        return sectriage.db().strings("SELECT signature || ' ' || COALESCE(signer_fingerprint, '-') || ' '"
                + " || signature_whole FROM case_message WHERE direction = 'in' ORDER BY id");
    }

    private void sendAndAwait(MimeMessage message, int received) {
        sectriage.server().sendToSecurity(message);
        await().atMost(PATIENCE).until(() -> sectriage.db().count(
                "SELECT COUNT(*) FROM case_message WHERE direction = 'in'") == received);
    }

    @Test
    void aSignedReportIsRecordedAsSignedByTheReportersKeyOverTheWholeMessage() throws Exception {
        sendAndAwait(signedReport(reporter, reporter, "Path traversal in /download?file=../../etc/passwd"), 1);

        assertThat(inboundSignatures()).containsExactly("valid " + reporter + " TRUE");
        assertThat(sectriage.db().strings("SELECT fingerprint FROM known_key")).containsExactly(reporter);
    }

    @Test
    void aMailFromTheReportersAddressCannotPlantAnotherKeyOnThemUnlessTheirKnownKeySignedIt() throws Exception {
        sendAndAwait(signedReport(reporter, reporter, "Path traversal in /download?file=../../etc/passwd"), 1);

        // someone else, writing as the reporter, offers their own key and signs with it
        sendAndAwait(signedReport(stranger, stranger, "Please write to me with this key from now on."), 2);

        assertThat(inboundSignatures()).as("the forger's signature is not the reporter's")
                .containsExactly("valid " + reporter + " TRUE", "unknown-key " + stranger + " FALSE");
        assertThat(sectriage.db().strings("SELECT fingerprint FROM known_key")).containsExactly(reporter);

        // the reporter moves to a new key, sending it in a mail signed, over the whole of it, by the key known for them
        String announcement = MailFixtures.crlf("Content-Type: text/plain; charset=utf-8\n\nMy new key:\n\n"
                + gpg.armoredPublicKey(reporterNext) + "\n");
        sendAndAwait(signedMail(announcement, detachedSignature(reporter, announcement), null), 3);

        assertThat(sectriage.db().strings("SELECT fingerprint FROM known_key ORDER BY id"))
                .containsExactly(reporter, reporterNext);
    }

    @Test
    void aSignedMailOfTheReportersSentAgainWithAnotherKeyInItsAutocryptHeaderPlantsNoKey() throws Exception {
        String part = MailFixtures.crlf("Content-Type: text/plain; charset=utf-8\n\nPath traversal in /download\n");
        String signature = detachedSignature(reporter, part);
        sendAndAwait(signedMail(part, signature, reporter), 1);

        // anyone who holds that mail (a list archive, say) sends it again, adding an Autocrypt header with their key:
        // the signature still covers the whole body, but no signature covers a header
        sendAndAwait(signedMail(part, signature, stranger), 2);

        assertThat(inboundSignatures()).containsExactly("valid " + reporter + " TRUE", "valid " + reporter + " TRUE");
        assertThat(sectriage.db().strings("SELECT fingerprint FROM known_key")).containsExactly(reporter);
    }

    @Test
    void aReportSignedInsideItsEncryptionIsRecordedAsSignedOverTheWholeMessage() throws Exception {
        String raw = new String(MailFixtures.pgpMime(encrypt(SECRET_REPORT, security, "--sign", "--local-user", reporter)),
                StandardCharsets.UTF_8)
                .replace("From: Reporter <reporter@example.net>", "From: Alex <" + REPORTER + ">\r\nAutocrypt: addr="
                        + REPORTER + "; keydata=" + base64Key(reporter))
                .replace("To: undisclosed-recipients:;", "To: " + TestConfig.SECURITY);
        sectriage.server().sendToSecurity(TestMail.parse(raw.getBytes(StandardCharsets.UTF_8)));

        await().atMost(PATIENCE).until(() -> sectriage.db().count("SELECT COUNT(*) FROM case_message WHERE direction = 'in'") == 1);
        assertThat(sectriage.db().strings("SELECT signature || ' ' || signer_fingerprint || ' ' || signature_whole"
                + " FROM case_message WHERE direction = 'in'")).containsExactly("valid " + reporter + " TRUE");
    }

    @Test
    void aMaintainersReplySignedAndEncryptedInOneAsThunderbirdSendsItAuthenticatesItsCommands() throws Exception {
        MailServer server = sectriage.server();
        MimeMessage note = encryptedReportsNoticeToMaria();
        String caseId = sectriage.db().strings("SELECT id FROM security_case").get(0);

        String reply = "Content-Type: text/plain; charset=utf-8\n\n#confirm\n#internal\n\nReproduced.\n\n"
                + "> New security report: " + caseId + "\n";
        String raw = new String(MailFixtures.pgpMime(encrypt(reply, security, "--sign", "--local-user", maria)),
                StandardCharsets.UTF_8)
                .replace("From: Reporter <reporter@example.net>", "From: Maria <" + TestConfig.PRIMARY + ">")
                .replace("To: undisclosed-recipients:;", "To: " + TestConfig.SECURITY)
                .replace("Subject: vulnerability report", "Subject: Re: " + note.getSubject() + "\r\nIn-Reply-To: "
                        + note.getMessageID());
        server.sendToSecurity(TestMail.parse(raw.getBytes(StandardCharsets.UTF_8)));

        await().atMost(PATIENCE).until(() -> sectriage.db().strings("SELECT state FROM security_case").contains("confirmed"));
        assertThat(sectriage.db().events(caseId)).contains("case-confirmed").doesNotContain("maintainer-message-held");
    }

    @Test
    void aMaintainersReplySignedAndEncryptedInOneInlineBlockAsMailveloteSendsItAuthenticatesItsCommands()
            throws Exception {
        MailServer server = sectriage.server();
        MimeMessage note = encryptedReportsNoticeToMaria();
        String caseId = sectriage.db().strings("SELECT id FROM security_case").get(0);

        // OpenPGP.js signs text in text mode, as --textmode does
        String block = inlineBlock("#confirm\n#internal\n\nReproduced.\n\n> New security report: " + caseId + "\n",
                "--textmode", "--sign", "--local-user", maria);
        server.sendToSecurity(inlineReply(note, block));

        await().atMost(PATIENCE).until(() -> sectriage.db().strings("SELECT state FROM security_case").contains("confirmed"));
        assertThat(sectriage.db().events(caseId)).contains("case-confirmed").doesNotContain("maintainer-message-held");
        assertThat(mariasSignatures()).containsExactly("valid " + maria + " TRUE");
    }

    @Test
    void commandsWrittenBesideASignedInlineBlockAreNotAuthenticatedByItsSignature() throws Exception {
        MailServer server = sectriage.server();
        MimeMessage note = encryptedReportsNoticeToMaria();
        String caseId = sectriage.db().strings("SELECT id FROM security_case").get(0);

        // a signed and encrypted mail of Maria's on this case, with a command added in front of it in the clear
        String block = inlineBlock("Looking into it.\n\n> New security report: " + caseId + "\n",
                "--sign", "--local-user", maria);
        server.sendToSecurity(inlineReply(note, "#reject not a vulnerability\n\n" + block));

        await().atMost(PATIENCE).until(() -> sectriage.db().events(caseId).contains("maintainer-message-held"));
        assertThat(sectriage.db().strings("SELECT state FROM security_case")).doesNotContain("rejected");
        assertThat(mariasSignatures()).containsExactly("valid " + maria + " FALSE");
    }

    @Test
    void aMaintainersClearsignedCommandsEncryptedAgainInABlockThatAnyoneSignedAreARefusedReplay() throws Exception {
        MailServer server = sectriage.server();
        MimeMessage note = encryptedReportsNoticeToMaria();
        String caseId = sectriage.db().strings("SELECT id FROM security_case").get(0);
        String clearsigned = clearsignedByMaria("#internal\n\nLooking into it.\n\n> New security report: " + caseId + "\n");
        server.sendToSecurity(inlineReply(note, clearsigned));
        await().atMost(PATIENCE).until(() -> sectriage.db().events(caseId).contains("internal-note"));

        // anyone who holds that mail (a Cc, a list archive) encrypts it to us in a block they sign with their own key
        server.sendToSecurity(inlineReply(note, inlineBlock(clearsigned, "--sign", "--local-user", stranger)));

        awaitMariasMails(2);
        assertThat(sectriage.db().events(caseId)).containsOnlyOnce("internal-note");
        assertThat(sectriage.db().strings("SELECT detail FROM case_event WHERE type = 'maintainer-message-held'"))
                .singleElement().asString().contains("already used");
    }

    @Test
    void aMaintainersSignatureTakenFromHerClearsignedMailIntoABlockOfAnyonesMakingIsARefusedReplay() throws Exception {
        MailServer server = sectriage.server();
        MimeMessage note = encryptedReportsNoticeToMaria();
        String caseId = sectriage.db().strings("SELECT id FROM security_case").get(0);
        String text = "#internal\n\nLooking into it.\n\n> New security report: " + caseId;
        String clearsigned = clearsignedByMaria(text + "\n");
        server.sendToSecurity(inlineReply(note, clearsigned));
        await().atMost(PATIENCE).until(() -> sectriage.db().events(caseId).contains("internal-note"));

        // her signature packet as it is, and with a subpacket added to its unhashed area, which no signature covers,
        // each after the text it signs in a block anyone can encrypt to our public key
        byte[] signature = signaturePacket(clearsigned);
        byte[] signedText = MailFixtures.crlf(text).getBytes(StandardCharsets.UTF_8);
        server.sendToSecurity(inlineReply(note, blockOfAnyonesMaking(signedText, signature)));
        server.sendToSecurity(inlineReply(note, blockOfAnyonesMaking(signedText, withUnhashedSubpacketAdded(signature))));

        awaitMariasMails(3);
        assertThat(sectriage.db().events(caseId)).containsOnlyOnce("internal-note");
        assertThat(sectriage.db().strings("SELECT detail FROM case_event WHERE type = 'maintainer-message-held'"))
                .hasSize(2).allSatisfy(detail -> assertThat(detail).contains("already used"));
    }

    @Test
    void aMaintainersSignedInlineBlockThatQuotesTheReportersClearsignedMailAuthenticatesItsCommands() throws Exception {
        MailServer server = sectriage.server();
        MimeMessage note = encryptedReportsNoticeToMaria();
        String caseId = sectriage.db().strings("SELECT id FROM security_case").get(0);
        String reportersMail = new String(gpg.run("Steps to reproduce: set the nickname.\n".getBytes(StandardCharsets.UTF_8),
                "--local-user", reporter, "--clearsign"), StandardCharsets.US_ASCII);

        String block = inlineBlock("#confirm\n\nReproduced.\n\n> New security report: " + caseId + "\n> "
                + reportersMail.strip().replace("\r\n", "\n").replace("\n", "\n> ") + "\n",
                "--textmode", "--sign", "--local-user", maria);
        server.sendToSecurity(inlineReply(note, block));

        awaitMariasMails(1);
        assertThat(sectriage.db().strings("SELECT detail FROM case_event WHERE type = 'maintainer-message-held'")).isEmpty();
        assertThat(sectriage.db().strings("SELECT state FROM security_case")).containsExactly("confirmed");
    }

    /** Waits until {@code count} mails from Maria are recorded on the case, and what they do is done. */
    private void awaitMariasMails(int count) {
        await().atMost(PATIENCE).until(() -> sectriage.db().count("SELECT COUNT(*) FROM inbound_message"
                + " WHERE status <> 'stored' AND sender LIKE '%" + TestConfig.PRIMARY + "%'") == count);
    }

    private static String clearsignedByMaria(String text) throws Exception {
        return new String(gpg.run(MailFixtures.crlf(text).getBytes(StandardCharsets.UTF_8), "--local-user", maria,
                "--clearsign"), StandardCharsets.US_ASCII);
    }

    /** The signature packet of a cleartext signed message, encoded. */
    private static byte[] signaturePacket(String clearsigned) throws Exception {
        String armored = clearsigned.substring(clearsigned.indexOf("-----BEGIN PGP SIGNATURE-----"));
        try (java.io.InputStream in = org.bouncycastle.openpgp.PGPUtil.getDecoderStream(
                new java.io.ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII)))) {
            return ((org.bouncycastle.openpgp.PGPSignatureList) new org.bouncycastle.openpgp.bc.BcPGPObjectFactory(in)
                    .nextObject()).get(0).getEncoded();
        }
    }

    /** {@code packet}, a v4 signature, with a private subpacket added to its unhashed area. */
    private static byte[] withUnhashedSubpacketAdded(byte[] packet) {
        int first = packet[0] & 0xff;
        int header = (first & 0x40) != 0
                ? ((packet[1] & 0xff) < 192 ? 2 : (packet[1] & 0xff) < 224 ? 3 : 6)
                : 1 + new int[] {1, 2, 4}[first & 3];
        byte[] body = java.util.Arrays.copyOfRange(packet, header, packet.length);
        int unhashedAt = 6 + (((body[4] & 0xff) << 8) | (body[5] & 0xff));
        int unhashedLength = ((body[unhashedAt] & 0xff) << 8) | (body[unhashedAt + 1] & 0xff);
        byte[] subpacket = {2, 100, 'x'};
        ByteArrayOutputStream changed = new ByteArrayOutputStream();
        changed.write(body, 0, unhashedAt);
        changed.write((unhashedLength + subpacket.length) >> 8);
        changed.write((unhashedLength + subpacket.length) & 0xff);
        changed.write(body, unhashedAt + 2, unhashedLength);
        changed.writeBytes(subpacket);
        changed.write(body, unhashedAt + 2 + unhashedLength, body.length - unhashedAt - 2 - unhashedLength);
        byte[] newBody = changed.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xC2);
        out.write(((newBody.length - 192) >> 8) + 192);
        out.write((newBody.length - 192) & 0xff);
        out.writeBytes(newBody);
        return out.toByteArray();
    }

    /**
     * An armored block encrypted to the security key, as anyone can make one: {@code literal} as its literal data,
     * followed by {@code signature}, a signature packet taken from elsewhere.
     */
    private static String blockOfAnyonesMaking(byte[] literal, byte[] signature) throws Exception {
        org.bouncycastle.openpgp.PGPPublicKey key = null;
        for (org.bouncycastle.openpgp.PGPPublicKey k : gpg.publicKey(security)) {
            if (k.isEncryptionKey()) {
                key = k;
            }
        }
        org.bouncycastle.openpgp.PGPEncryptedDataGenerator generator = new org.bouncycastle.openpgp.PGPEncryptedDataGenerator(
                new org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder(
                        org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(true)
                        .setSecureRandom(new java.security.SecureRandom()));
        generator.addMethod(new org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator(key));
        ByteArrayOutputStream armored = new ByteArrayOutputStream();
        try (org.bouncycastle.bcpg.ArmoredOutputStream armor = new org.bouncycastle.bcpg.ArmoredOutputStream(armored);
                java.io.OutputStream encrypted = generator.open(armor, new byte[1 << 12])) {
            try (java.io.OutputStream data = new org.bouncycastle.openpgp.PGPLiteralDataGenerator().open(encrypted,
                    org.bouncycastle.openpgp.PGPLiteralData.UTF8, "", literal.length, new java.util.Date())) {
                data.write(literal);
            }
            encrypted.write(signature);
        }
        return armored.toString(StandardCharsets.US_ASCII);
    }

    /** How each mail of Maria's was signed: status, signer and whether over the whole message. */
    private List<String> mariasSignatures() {
        return sectriage.db().strings("SELECT signature || ' ' || signer_fingerprint || ' ' || signature_whole"
                + " FROM case_message WHERE direction = 'in' AND sender LIKE '%" + TestConfig.PRIMARY + "%'");
    }

    /** The maintainers' notice of an encrypted report, as Maria's client receives it. */
    private MimeMessage encryptedReportsNoticeToMaria() throws Exception {
        MailServer server = sectriage.server();
        server.sendToSecurity(pgpMimeFrom(REPORTER, encrypt(SECRET_REPORT, security)));
        return await().atMost(PATIENCE).until(() -> server.sentBySectriageTo(TestConfig.PRIMARY), l -> l.size() == 1)
                .get(0);
    }

    /** {@code text} encrypted to the security key as one armored block, with gpg's {@code options}. */
    private static String inlineBlock(String text, String... options) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(options));
        args.addAll(List.of("--armor", "--recipient", security, "--encrypt"));
        return new String(gpg.run(MailFixtures.crlf(text).getBytes(StandardCharsets.UTF_8), args.toArray(String[]::new)),
                StandardCharsets.US_ASCII);
    }

    /** Maria's plain-text reply to {@code note}, whose body is {@code body}. */
    private static MimeMessage inlineReply(MimeMessage note, String body) throws Exception {
        String raw = "From: Maria <" + TestConfig.PRIMARY + ">\nTo: " + TestConfig.SECURITY + "\nSubject: Re: "
                + note.getSubject() + "\nIn-Reply-To: " + note.getMessageID() + "\nMessage-ID: <"
                + java.util.UUID.randomUUID() + "@project.example>\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=us-ascii\n\n" + body;
        return TestMail.parse(MailFixtures.crlf(raw).getBytes(StandardCharsets.UTF_8));
    }

    private static String base64Key(String fingerprint) throws Exception {
        return java.util.Base64.getEncoder().encodeToString(gpg.run(new byte[0], "--export", fingerprint));
    }
}

package org.sectriage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.config.SectriageConfig;
import org.sectriage.config.SectriageConfig.CoordinatorRole;
import org.sectriage.crypto.GnuPg;
import org.sectriage.domain.EmailAddress;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.DaemonExtension;
import org.sectriage.testing.MailServer;
import org.sectriage.testing.TestConfig;
import org.sectriage.testing.TestMail;

/**
 * Maintainers drive a case by replying from their own mail client: authenticated replies (signed with
 * the maintainer's OpenPGP key, or with a trusted DKIM pass) have their commands applied and their text
 * relayed to the reporter; anything else claiming to be a maintainer is held.
 */
class MaintainerReplyTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String REPORTER = "alex@researcher.example";

    @TempDir
    static Path temp;
    private static GnuPg gpg;
    private static String maria;
    private static Path mariaKey;

    @BeforeAll
    static void makeKeys() throws Exception {
        gpg = GnuPg.inTemporaryHome(temp);
        maria = gpg.generateKey("Maria <" + TestConfig.PRIMARY + ">", "ed25519", "cv25519");
        mariaKey = gpg.exportPublicKey(maria, temp.resolve("maria.pub.asc"));
    }

    @AfterAll
    static void stopAgent() {
        if (gpg != null) {
            gpg.close();
        }
    }

    @RegisterExtension
    final DaemonExtension sectriage = new DaemonExtension(GREENMAIL, c -> TestConfig.withMaintainers(c, List.of(
            new SectriageConfig.Maintainer("Maria Maintainer", EmailAddress.of(TestConfig.PRIMARY),
                    CoordinatorRole.PRIMARY, mariaKey),
            new SectriageConfig.Maintainer("Sam Second", EmailAddress.of(TestConfig.SECONDARY),
                    CoordinatorRole.SECONDARY))));

    private String caseId;
    private MimeMessage notification;

    private void openCase() {
        MailServer server = sectriage.server();
        server.sendToSecurity(TestMail.report().from("Alex Researcher <" + REPORTER + ">").subject("SQL injection in search")
                .body("Steps to reproduce on version 2.4.0: 1. open /search 2. enter ' OR '1'='1 and every row of"
                        + " the users table comes back. An attacker can read all password hashes.").build());
        notification = await().atMost(PATIENCE).until(() -> server.sentBySectriageTo(TestConfig.PRIMARY),
                l -> l.size() == 1).get(0);
        caseId = sectriage.db().strings("SELECT id FROM security_case").get(0);
        await().atMost(PATIENCE).until(() -> server.acknowledgementsTo(REPORTER).size() == 1);
    }

    /** Maria's reply to the case notification, quoting it as Thunderbird does, signed with her key (PGP/MIME). */
    private MimeMessage signedReply(String top) throws Exception {
        String part = crlf("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" + top
                + "\n\nOn 01/12/2026 10:00, Example Project Security wrote:\n> New security report: " + caseId + "\n>\n"
                + "> From:     Alex Researcher <" + REPORTER + ">\n");
        String signature = new String(gpg.run(part.getBytes(StandardCharsets.UTF_8), "--armor", "--local-user", maria,
                "--digest-algo", "SHA256", "--detach-sign"), StandardCharsets.US_ASCII);
        return reply("Content-Type: multipart/signed; micalg=pgp-sha256; protocol=\"application/pgp-signature\";"
                + " boundary=\"sig\"\n", "--sig\n" + part + "\n--sig\nContent-Type: application/pgp-signature\n\n"
                + signature + "\n--sig--\n", "");
    }

    private MimeMessage reply(String contentType, String body, String extraHeaders) throws Exception {
        String raw = "From: Maria Maintainer <" + TestConfig.PRIMARY + ">\nTo: " + TestConfig.SECURITY + "\n"
                + "Subject: Re: " + notification.getSubject() + "\nMessage-ID: <" + UUID.randomUUID() + "@project.example>\n"
                + "In-Reply-To: " + notification.getMessageID() + "\nReferences: " + notification.getMessageID() + "\n"
                + extraHeaders + "MIME-Version: 1.0\n" + contentType + "\n" + body;
        return TestMail.parse(crlf(raw).getBytes(StandardCharsets.UTF_8));
    }

    private static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    private List<MimeMessage> toReporter(String purposeText) {
        return sectriage.server().sentBySectriageTo(REPORTER).stream()
                .filter(m -> TestMail.text(m).contains(purposeText)).toList();
    }

    @Test
    void aSignedReplyHasItsCommandsAppliedAndItsTextRelayedWithoutQuotesCommandsOrTheMaintainersAddress() throws Exception {
        openCase();
        sectriage.server().sendToSecurity(signedReply(
                "#confirm\n#cvss CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\n\nThanks, we can reproduce it and are"
                        + " working on a fix."));

        MimeMessage relayed = await().atMost(PATIENCE).until(() -> toReporter("we can reproduce it"), l -> l.size() == 1)
                .get(0);
        String text = TestMail.text(relayed);
        assertThat(text).doesNotContain("#confirm").doesNotContain("#cvss").doesNotContain(TestConfig.PRIMARY)
                .doesNotContain("wrote:").doesNotContain("New security report");
        assertThat(relayed.getSubject()).contains("[" + caseId + "]");
        assertThat(TestMail.header(relayed, "From")).contains(TestConfig.SECURITY);
        CaseDatabase db = sectriage.db();
        assertThat(db.strings("SELECT state || ' ' || cvss_score FROM security_case")).containsExactly("confirmed 9.8");
        await().atMost(PATIENCE).until(() -> toReporter("confirmed the vulnerability").size() == 1);
        await().atMost(PATIENCE).until(() -> sectriage.server().sentBySectriageTo(TestConfig.SECONDARY).stream()
                .anyMatch(m -> TestMail.text(m).contains("answered the reporter")));
        assertThat(db.events(caseId)).contains("case-triaged", "case-confirmed", "reply-relayed");
    }

    @Test
    void anUnsignedReplyWithAMaintainersFromIsHeldAndTheMaintainersAreTold() throws Exception {
        openCase();
        sectriage.server().sendToSecurity(reply("Content-Type: text/plain; charset=utf-8\n",
                "#reject not a bug\n\nThis is not a vulnerability.\n", ""));

        await().atMost(PATIENCE).until(() -> sectriage.db().events(caseId).contains("maintainer-message-held"));
        await().atMost(PATIENCE).until(() -> sectriage.server().sentBySectriageTo(TestConfig.SECONDARY).stream()
                .anyMatch(m -> MailServer.subject(m).contains("HELD")));
        assertThat(sectriage.db().strings("SELECT state FROM security_case")).containsExactly("acknowledged");
        assertThat(toReporter("not a vulnerability")).isEmpty();
    }

    @Test
    void aDkimPassFromTheTrustedMailServerAuthenticatesAndOneFromAnotherDoesNot() throws Exception {
        openCase();
        sectriage.server().sendToSecurity(reply("Content-Type: text/plain; charset=utf-8\n",
                "Could you tell us which browser you used?\n",
                "Authentication-Results: mx.elsewhere.example; dkim=pass header.d=project.example\n"));
        await().atMost(PATIENCE).until(() -> sectriage.db().events(caseId).contains("maintainer-message-held"));

        sectriage.server().sendToSecurity(reply("Content-Type: text/plain; charset=utf-8\n",
                "Which browser did you use?\n",
                "Authentication-Results: mx.project.example; spf=pass smtp.mailfrom=project.example;"
                        + " dkim=pass header.d=project.example header.s=mail\n"));

        await().atMost(PATIENCE).until(() -> toReporter("Which browser did you use?").size() == 1);
        assertThat(toReporter("Could you tell us")).isEmpty();
    }

    @Test
    void anOutlookHtmlOnlyReplyHasItsCommandsAppliedOnceAndReachesTheReporterAsWrittenWithoutSignatureOrQuote()
            throws Exception {
        openCase();
        StringBuilder quoted = new StringBuilder();
        for (String line : TestMail.text(notification).split("\\R")) {
            quoted.append("<p class=MsoNormal>").append(line.isEmpty() ? "<o:p>&nbsp;</o:p>"
                    : line.replace("&", "&amp;").replace("<", "&lt;")).append("</p>\n");
        }
        String html = "<html><body><div class=WordSection1>\n"
                + "<p class=MsoNormal>#confirm<o:p></o:p></p>\n<p class=MsoNormal>#severity&nbsp;high<o:p></o:p></p>\n"
                + "<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n<p class=MsoNormal>Hi Alex,<o:p></o:p></p>\n"
                + "<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n<p class=MsoNormal>we can reproduce it.<o:p></o:p></p>\n"
                + "<p class=MsoNormal>A fix is coming in 2.4.1.<o:p></o:p></p>\n<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n"
                + "<p class=MsoNormal><b>Maria Maintainer</b><o:p></o:p></p>\n<p class=MsoNormal>Release manager<o:p></o:p></p>\n"
                + "<p class=MsoNormal>+49 30 1234 5678<o:p></o:p></p>\n<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n"
                + "<div style='border:none;border-top:solid #E1E1E1 1.0pt'><p class=MsoNormal><b>From:</b> Security &lt;"
                + TestConfig.SECURITY + "&gt;<br><b>Sent:</b> Sunday, December 6, 2026 10:00 AM<br><b>To:</b> Maria"
                + " Maintainer &lt;" + TestConfig.PRIMARY + "&gt;<br><b>Subject:</b> " + notification.getSubject()
                + "</p></div>\n" + quoted + "</div></body></html>\n";
        sectriage.server().sendToSecurity(reply("Content-Type: text/html; charset=utf-8\n", html,
                "Authentication-Results: mx.project.example; dkim=pass header.d=project.example header.s=mail\n"));

        MimeMessage relayed = await().atMost(PATIENCE).until(() -> toReporter("we can reproduce it"), l -> l.size() == 1)
                .get(0);
        assertThat(TestMail.text(relayed).replace("\r\n", "\n")).contains("Hi Alex,\n\nwe can reproduce it.\nA fix is coming in 2.4.1.\n\n-- ")
                .doesNotContain("Maria Maintainer", "+49", "Release manager", "New security report", "#confirm",
                        TestConfig.PRIMARY);
        await().atMost(PATIENCE).until(() -> toReporter("confirmed the vulnerability").size() == 1);
        assertThat(sectriage.db().strings("SELECT state || ' ' || severity FROM security_case"))
                .containsExactly("confirmed high");
        assertThat(sectriage.db().events(caseId).stream().filter("case-confirmed"::equals)).hasSize(1);
    }

    @Test
    void aReplyOfOnlyAQuoteAndASignatureIsNotDroppedSilentlyTheMaintainerIsToldNothingWasRelayed() throws Exception {
        openCase();
        sectriage.server().sendToSecurity(signedReply("-- \nMaria Maintainer\nRelease manager"));

        MimeMessage answer = await().atMost(PATIENCE).until(() -> sectriage.server().sentBySectriageTo(TestConfig.PRIMARY)
                .stream().filter(m -> TestMail.text(m).contains("Nothing of your reply was relayed")).toList(),
                l -> l.size() == 1).get(0);
        assertThat(TestMail.isTo(answer, TestConfig.SECONDARY)).isFalse();
        assertThat(sectriage.db().events(caseId)).contains("reply-not-relayed").doesNotContain("reply-relayed");
        assertThat(toReporter("Release manager")).isEmpty();
    }

    @Test
    void aReplyOfOnlyCommandsRelaysNothingAndNeedsNoNotice() throws Exception {
        openCase();
        sectriage.server().sendToSecurity(signedReply("#cvss CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"));

        await().atMost(PATIENCE).until(() -> sectriage.db().strings("SELECT cvss_score FROM security_case"),
                l -> l.equals(List.of("9.8")));
        assertThat(sectriage.db().events(caseId)).doesNotContain("reply-not-relayed");
    }

    @Test
    void anInvalidCommandGetsAReplySayingWhatWasWrongAndNothingIsApplied() throws Exception {
        openCase();
        sectriage.server().sendToSecurity(signedReply("#confirm\n#reject\n\nSee above."));

        MimeMessage answer = await().atMost(PATIENCE).until(() -> sectriage.server().sentBySectriageTo(TestConfig.PRIMARY)
                .stream().filter(m -> TestMail.text(m).contains("Nothing was changed")).toList(), l -> l.size() == 1).get(0);
        assertThat(TestMail.text(answer)).contains("line 2: #reject needs a reason: #reject <reason>");
        assertThat(TestMail.isTo(answer, TestConfig.SECONDARY)).isFalse();
        assertThat(sectriage.db().strings("SELECT state FROM security_case")).containsExactly("acknowledged");
        assertThat(toReporter("See above")).isEmpty();
    }

    @Test
    void aSignedCommandMailedAgainIsARefusedReplay() throws Exception {
        openCase();
        MimeMessage signed = signedReply("#internal\n\nLooking into it.");
        sectriage.server().sendToSecurity(signed);
        await().atMost(PATIENCE).until(() -> sectriage.db().events(caseId).contains("internal-note"));

        MimeMessage again = TestMail.parse(TestMail.bytes(signed));
        again.setHeader("Message-ID", "<" + UUID.randomUUID() + "@attacker.example>");
        again.saveChanges();
        again.setHeader("Message-ID", "<" + UUID.randomUUID() + "@attacker.example>");
        sectriage.server().sendToSecurity(again);

        await().atMost(PATIENCE).until(() -> sectriage.db().events(caseId).contains("maintainer-message-held"));
        assertThat(sectriage.db().strings("SELECT detail FROM case_event WHERE type = 'maintainer-message-held'").get(0))
                .contains("already used");
        assertThat(toReporter("Looking into it")).isEmpty();
    }

    @Test
    void theWholeLifecycleFromReportToDisclosureTellsTheReporterAtEachStepAndDraftsTheAdvisory() throws Exception {
        openCase();
        sectriage.server().sendToSecurity(TestMail.report().from(REPORTER).replyTo(
                sectriage.server().acknowledgementsTo(REPORTER).get(0)).body("Credit: Alex Researcher").build());
        await().atMost(PATIENCE).until(() -> sectriage.db().events(caseId).contains("credit-preference"));

        sectriage.server().sendToSecurity(signedReply("#confirm\n#cwe CWE-89\n#severity high"));
        await().atMost(PATIENCE).until(() -> toReporter("confirmed the vulnerability").size() == 1);
        sectriage.server().sendToSecurity(signedReply("#fixed 2.4.1\n#embargo "
                + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30)));
        await().atMost(PATIENCE).until(() -> toReporter("fixed in version 2.4.1").size() == 1);
        sectriage.server().sendToSecurity(signedReply("#disclose"));
        await().atMost(PATIENCE).until(() -> toReporter("advisory for " + caseId + " has been published").size() == 1);
        sectriage.server().sendToSecurity(signedReply("#close"));
        await().atMost(PATIENCE).until(() -> sectriage.db().strings("SELECT state FROM security_case").contains("closed"));

        assertThat(sectriage.db().events(caseId)).containsSubsequence("case-opened", "acknowledgement-sent",
                "case-triaged", "case-confirmed", "case-fixed", "case-disclosed", "case-closed");
        assertThat(sectriage.db().strings("SELECT fixed_version || ' ' || cwes || ' ' || severity || ' ' || credit_name"
                + " FROM security_case")).containsExactly("2.4.1 89 high Alex Researcher");

        String url = sectriage.running().daemon().database().url();
        sectriage.running().daemon().close();
        org.sectriage.cli.CliRun osv = org.sectriage.cli.CliRun.of("advisory", caseId, "--format", "osv", "--database", url);
        assertThat(osv.exitCode()).as(osv.err()).isZero();
        assertThat(org.sectriage.advisory.AdvisorySchemas.problems(org.sectriage.advisory.AdvisorySchemas.OSV, osv.out()))
                .isEmpty();
        assertThat(osv.out()).contains("CWE-89").contains("2.4.1").contains("\"published\"");
        org.sectriage.cli.CliRun csaf = org.sectriage.cli.CliRun.of("advisory", caseId, "--format", "csaf", "--database", url);
        assertThat(org.sectriage.advisory.AdvisorySchemas.problems(org.sectriage.advisory.AdvisorySchemas.CSAF, csaf.out()))
                .isEmpty();
        org.sectriage.cli.CliRun markdown = org.sectriage.cli.CliRun.of("advisory", caseId, "--format", "markdown",
                "--database", url);
        assertThat(markdown.out()).contains(caseId).contains("SQL injection in search");
        org.sectriage.cli.CliRun stats = org.sectriage.cli.CliRun.of("stats", "--database", url);
        assertThat(stats.exitCode()).as(stats.err()).isZero();
        assertThat(stats.out()).contains("1 case(s) opened").containsPattern("time to acknowledge +1 ")
                .containsPattern("time to fix +1 ");
    }
}

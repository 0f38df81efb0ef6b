package org.sectriage.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sectriage.domain.MessageKind.AUTO_REPLY;
import static org.sectriage.domain.MessageKind.BOUNCE;
import static org.sectriage.domain.MessageKind.LOOP;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sectriage.parse.MailFixtures;
import org.sectriage.parse.ParsedMessage;

class AutomatedMailDetectorTest {

    private final AutomatedMailDetector detector = new AutomatedMailDetector("security@example.org");

    @ParameterizedTest
    @ValueSource(strings = {
            "plain-report-with-repro-steps.eml", "iso-8859-1-report-german.eml", "windows-1252-report-from-outlook.eml",
            "thunderbird-reply-with-references.eml", "html-only-with-remote-images.eml", "unknown-charset.eml"})
    void mailWrittenByPeopleIsNotAutomated(String fixture) {
        assertEquals(Optional.empty(), detector.detect(MailFixtures.parse(fixture)));
    }

    @Test
    void anOutOfOfficeReplyWithoutRfc3834HeadersIsToldByItsSubject() {
        assertEquals(found(AUTO_REPLY, "auto-reply-subject", "subject begins \"abwesenheitsnotiz\""),
                detectHeaders("Subject: Abwesenheitsnotiz: Re: [SEC-2026-0001] Heap overflow"));
        assertEquals(AUTO_REPLY, detectHeaders("Subject: Automatic reply: security issue").orElseThrow().kind());
        assertEquals(Optional.empty(), detectHeaders("Subject: Auto-update downloads over plain HTTP"));
    }

    @Test
    void ownXLoopIsALoopEvenWhenAutoSubmitted() {
        assertEquals(found(LOOP, "own-x-loop", "X-Loop: security@example.org"), detect("own-x-loop.eml"));
    }

    @Test
    void xLoopIsComparedWithoutCaseOrSurroundingSpace() {
        assertEquals(LOOP, detectHeaders("X-Loop: other@example.net", "X-Loop:   Security@Example.ORG  ").orElseThrow().kind());
    }

    @Test
    void someoneElsesXLoopIsNotALoop() {
        assertEquals(Optional.empty(), detectHeaders("X-Loop: support@other.example"));
    }

    @Test
    void postfixDeliveryStatusNotificationIsABounceNotAnAutoReply() {
        assertEquals(found(BOUNCE, "delivery-report", "multipart/report; report-type=delivery-status"),
                detect("dsn-bounce-postfix.eml"));
    }

    @Test
    void dispositionNotificationIsABounce() {
        assertEquals(found(BOUNCE, "delivery-report", "multipart/report; report-type=disposition-notification"),
                detectHeaders("Content-Type: multipart/report; report-type=\"disposition-notification\"; boundary=mdn"));
    }

    @Test
    void eximFailedRecipientsIsABounce() {
        assertEquals(found(BOUNCE, "failed-recipients", "X-Failed-Recipients present"),
                detectHeaders("X-Failed-Recipients: nobody@nonexistent.example.com"));
    }

    @Test
    void mailerDaemonWithBounceSubjectIsABounce() {
        assertEquals(found(BOUNCE, "daemon-bounce", "From mailer-daemon with a bounce subject"),
                detectHeaders("From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
                        "Subject: Delivery Status Notification (Failure)"));
    }

    @Test
    void postmasterReturnPathWithBounceSubjectIsABounce() {
        assertEquals(found(BOUNCE, "daemon-bounce", "Return-Path postmaster with a bounce subject"),
                detectHeaders("Return-Path: <postmaster@mx.contoso-example.com>",
                        "Subject: Undeliverable: [SEC-2025-0042] Your report has been received"));
    }

    @Test
    void mailerDaemonWithOrdinarySubjectIsNotABounce() {
        assertEquals(Optional.empty(), detectHeaders("From: MAILER-DAEMON@mx.example.org", "Subject: Queue statistics"));
    }

    @Test
    void nullReturnPathOnAnyReportIsABounce() {
        assertEquals(found(BOUNCE, "null-sender-report", "Return-Path <> on a multipart/report"),
                detectHeaders("Return-Path: <>", "Content-Type: multipart/report; report-type=feedback-report; boundary=b"));
    }

    @Test
    void nullReturnPathAloneIsNotABounce() {
        assertEquals(Optional.empty(), detectHeaders("Return-Path: <>"));
    }

    @Test
    void vacationReplyWithAutoSubmittedIsAnAutoReply() {
        assertEquals(found(AUTO_REPLY, "auto-submitted", "Auto-Submitted: auto-replied"),
                detect("out-of-office-auto-submitted.eml"));
    }

    @Test
    void autoSubmittedParametersAreIgnored() {
        assertEquals(found(AUTO_REPLY, "auto-submitted", "Auto-Submitted: auto-generated"),
                detectHeaders("Auto-Submitted: Auto-Generated; owner-email=\"ci@example.org\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Auto-Submitted: no", "Auto-Submitted: No (sent by a person)", "Auto-Submitted: no; x=y"})
    void autoSubmittedNoIsAPerson(String header) {
        assertEquals(Optional.empty(), detectHeaders(header));
    }

    @Test
    void exchangeOutOfOfficeIsAnAutoReply() {
        assertEquals(found(AUTO_REPLY, "exchange-auto-reply",
                        "X-Auto-Response-Suppress: All with X-MS-Exchange-Inbox-Rules-Loop"),
                detect("exchange-out-of-office.eml"));
    }

    @Test
    void autoResponseSuppressAloneIsNotAnAutoReply() {
        assertEquals(Optional.empty(), detectHeaders("X-Auto-Response-Suppress: All", "Thread-Topic: report"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Autoreply: yes", "X-Autorespond: Out of office"})
    void autoreplyHeadersAreAutoReplies(String header) {
        assertEquals(AUTO_REPLY, detectHeaders(header).orElseThrow().kind());
    }

    @Test
    void bulkNewsletterIsAnAutoReply() {
        assertEquals(found(AUTO_REPLY, "bulk-precedence", "Precedence: bulk"), detect("precedence-bulk-newsletter.eml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Precedence: junk", "Precedence: LIST", "Precedence: auto_reply", "X-Precedence: auto_reply"})
    void otherMachinePrecedencesAreAutoReplies(String header) {
        assertEquals(AUTO_REPLY, detectHeaders(header).orElseThrow().kind());
    }

    @Test
    void listMailWithAnyPrecedenceIsAnAutoReply() {
        assertEquals(found(AUTO_REPLY, "list-with-precedence", "List-Unsubscribe with Precedence: first-class"),
                detectHeaders("List-Unsubscribe: <mailto:leave@lists.example.net>", "Precedence: first-class"));
    }

    @Test
    void aReportRelayedByTheGoogleGroupThatIsOurOwnSecurityAddressIsAPersons() {
        assertEquals(Optional.empty(), detectHeaders("Precedence: list",
                "Mailing-list: list security@example.org; contact security+owners@example.org",
                "List-ID: <security.example.org>", "X-Google-Group-Id: 123456789",
                "List-Post: <https://groups.google.com/a/example.org/group/security/post>, <mailto:security@example.org>",
                "List-Unsubscribe: <mailto:googlegroups-manage+123456789+unsubscribe@googlegroups.com>"));
        assertEquals(Optional.empty(), detectHeaders("Precedence: bulk", "List-Id: Security team <security.example.org>"),
                "a Mailman list named by its id alone");
    }

    @Test
    void mailFromAnotherListWithPrecedenceIsStillAnAutoReply() {
        assertEquals(AUTO_REPLY, detectHeaders("Precedence: list", "List-Id: <oss-security.lists.openwall.com>",
                "List-Post: <mailto:oss-security@lists.openwall.com>").orElseThrow().kind());
    }

    @Test
    void listIdAloneIsNotAutomated() {
        assertEquals(Optional.empty(), detectHeaders("List-Id: Developers <dev.lists.example.net>"));
    }

    private Optional<AutomatedMail> detect(String fixture) {
        return detector.detect(MailFixtures.parse(fixture));
    }

    /** Detection on a person's short report carrying {@code headerLines} first, so they win over its own. */
    private Optional<AutomatedMail> detectHeaders(String... headerLines) {
        ParsedMessage message = MailFixtures.parseText(String.join("\n", headerLines) + "\n" + """
                From: Mara Lindqvist <mara.lindqvist@fastmail.se>
                To: security@example.org
                Subject: XSS in the search box
                Date: Tue, 3 Jun 2025 14:02:11 +0200
                Message-ID: <report@fastmail.se>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                The search box reflects its input.
                """);
        return detector.detect(message);
    }

    private static Optional<AutomatedMail> found(org.sectriage.domain.MessageKind kind, String rule, String reason) {
        return Optional.of(new AutomatedMail(kind, rule, reason));
    }
}

package org.sectriage.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sectriage.command.CommandRegistry;
import org.sectriage.domain.EmailAddress;
import org.sectriage.parse.MailFixtures;
import org.sectriage.parse.ParsedMessage;

/** What of a maintainer's reply reaches the reporter, for the replies real mail clients write. */
class ReplyRelayTest {

    private static final EmailAddress MARIA = new EmailAddress("maria@demo.example", "Maria Berg");
    private static final EmailAddress SAM = new EmailAddress("sam.okafor@demo.example", "Sam Okafor");
    private static final EmailAddress KONSTANTIN =
            new EmailAddress("konstantin.weissenberger@demo.example", "Konstantin Weißenberger");

    private final ReplyRelay relay = new ReplyRelay(List.of(MARIA, SAM, KONSTANTIN), CommandRegistry.standard());

    private RelayedReply relayFixture(String name) {
        ParsedMessage reply = MailFixtures.parse("replies/" + name);
        return relay.relay(reply.bodyText(), reply.from());
    }

    private String relayText(String body) {
        return relay.relay(body, MARIA).text();
    }

    @Test
    void aCommandWithANoBreakSpaceIsNoTextForTheReporterAndALineOfOnlyThoseSpacesIsBlank() {
        assertThat(relayText("#confirm\u00a0\n\nThanks, we can reproduce it.")).isEqualTo("Thanks, we can reproduce it.");
        assertThat(relay.relay("#confirm\n\u00a0\n\u200B\n", MARIA).isEmpty()).isTrue();
        assertThat(relayText("Thanks.\n\n\u200B#internal\u00a0\nthe admin token leaks too")).isEmpty();
    }

    @Test
    void aClearsignedReplyRelaysItsSignedTextWithoutTheArmorTheSignatureOrTheMaintainersSignature() {
        assertThat(relayFixture("mutt-inline-pgp-clearsigned-with-command-and-signature.eml").text())
                .isEqualTo("Thanks, we can reproduce it.");
    }

    @Test
    void thunderbirdTopPostedReplyKeepsTheTextBetweenTheCommandsAndTheSignature() {
        assertThat(relayFixture("thunderbird-top-posted-with-commands-signature-and-quote.eml").text()).isEqualTo("""
                Hi Alex,

                thank you for the detailed report. We could reproduce the traversal
                with the double-encoded slash on 2.4.0; a fix is being prepared for
                2.4.1 and we will let you know before it is released.

                Best regards,
                Maria""");
    }

    @Test
    void aReplyWrappedAtItsLineWidthWithoutFormatFlowedRelaysNoTailOfItsWrappedCommand() {
        assertThat(relayText("#reject This needs an authenticated administrator session, which our threat\n"
                + "model treats as trusted.\n\nHi Alex,\n\nthanks all the same.\n\nOn 12/6/26 10:00, Example"
                + " Security wrote:\n> New security report\n")).isEqualTo("Hi Alex,\n\nthanks all the same.");
    }

    @Test
    void aThunderbirdFlowedReplyRelaysNoTailOfItsWrappedCommandAndNoWrappedAttribution() {
        assertThat(relayFixture("thunderbird-flowed-reject-reason-over-two-lines.eml").text()).isEqualTo(
                "Thanks for taking the time to look into it, Alex. We would be glad to hear from you again.\n\nMaria");
    }

    @Test
    void thunderbirdBottomPostedReplyKeepsTheNewTextBelowTheGermanAttributionAndQuote() {
        assertThat(relayFixture("thunderbird-german-bottom-posted-below-am-schrieb.eml").text()).isEqualTo("""
                One more question: did you also try the Windows build? Backslashes
                may need the same treatment.

                Viele Grüße
                Maria""");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "De: example.org security team <security@example.org>\nEnviado el: lunes, 2 de marzo de 2026 9:14\n",
        "От: example.org security team <security@example.org>\nОтправлено: 2 марта 2026 г. 9:14\nКому: Sam Okafor\n",
        "差出人: example.org security team <security@example.org>\n送信日時: 2026年3月2日 9:14\n",
        "Lähettäjä: example.org security team <security@example.org>\nLähetetty: maanantai 2. maaliskuuta 2026 9.14\n",
        "Kimden: example.org security team <security@example.org>\nGönderildi: 2 Mart 2026 Pazartesi 9:14\n",
        "Feladó: example.org security team <security@example.org>\nElküldve: 2026. március 2. 9:14\n"})
    void outlooksHeaderBlockEndsTheReplyInTheLanguagesOutlookWritesIt(String headerBlock) {
        String reply = "Hola Alex, gracias.\n\n________________________________\n" + headerBlock
                + "Asunto: [SEC-2026-0007] Path traversal\n\nClassified: path-traversal, severity high\n"
                + "Likely duplicate of:\n- SEC-2026-0003\n";

        assertThat(relayText(reply)).isEqualTo("Hola Alex, gracias.");
        assertThat(relayText(reply.replace("________________________________\n", "")))
                .as("without the rule above it too").isEqualTo("Hola Alex, gracias.");
    }

    @Test
    void underOutlooksRuleAHeaderLineWithAnAddressStartsTheOriginalInAnyLanguage() {
        String greek = "Ευχαριστώ.\n\n________________________________\nΑπό: example.org security team"
                + " <security@example.org>\nΣτάλθηκε: Δευτέρα, 2 Μαρτίου 2026 9:14 πμ\n\nClassified: path-traversal\n";

        assertThat(relayText(greek)).isEqualTo("Ευχαριστώ.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "보낸 사람: example.org security team <security@example.org>\n보낸 날짜: 2026년 12월 6일 일요일 오전 10:00\n"
                + "받는 사람: Maria Berg <maria@demo.example>\n제목: [SEC-2026-0007] Path traversal\n",
        "Date: Sun, 6 Dec 2026 10:00:00 +0000\nFrom: security@example.org\nTo: maria@demo.example\n"
                + "Subject: [SEC-2026-0007] Path traversal\n"})
    void aHeaderBlockOfTheCasesMailEndsTheReplyInALanguageOrOrderNoPatternKnows(String headerBlock) {
        String reply = "#confirm\n\nThanks Alex, we can reproduce it.\n\n" + headerBlock
                + "\nNew security report: SEC-2026-0007\n\nClassified: path-traversal, severity high\n"
                + "Likely duplicate of:\n- SEC-2026-0003\n\nReply to this mail to answer the reporter.\n";

        assertThat(relayText(reply)).isEqualTo("Thanks Alex, we can reproduce it.");
    }

    @Test
    void linesOfTheMaintainersOwnThatReadLikeHeadersStay() {
        String facts = "Here is the plan:\nAffected: 2.3.0 to 2.4.0\nFixed in: 2.4.1 [SEC-2026-0007]\n"
                + "Workaround: proxy.decode-once = true\nQuestions to security@example.org, please.";

        assertThat(relayText(facts)).isEqualTo(facts);
    }

    @Test
    void aLineNamingATeamMemberAsARussianRecipientHeaderDoesIsNotRelayed() {
        assertThat(relayText("Спасибо.\nКому: Sam Okafor; Maria Berg\n")).isEqualTo("Спасибо.");
    }

    @Test
    void anHtmlOnlyReplyKeepsItsOwnWordsAndDropsTheBlockquoteUnderAnAttributionInAnyLanguage() {
        ParsedMessage reply = MailFixtures.parseText("From: Maria Berg <maria@demo.example>\r\n"
                + "To: security@example.org\r\nSubject: Re: [SEC-2026-0007] Path traversal\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                + "<div dir=\"ltr\">Dzięki, poprawka jest gotowa.</div><br><div class=\"gmail_quote\">"
                + "<div dir=\"ltr\" class=\"gmail_attr\">pon., 2 mar 2026 o 09:14 example.org security team &lt;"
                + "security@example.org&gt; napisał(a):<br></div><blockquote class=\"gmail_quote\">"
                + "<div>Classified: path-traversal, severity high</div><div>Likely duplicate of:<br>- SEC-2026-0003"
                + "</div><blockquote><div>Sam: the token leaks too</div></blockquote></blockquote></div>\r\n");

        assertThat(relay.relay(reply.bodyText(), reply.from()).text()).isEqualTo("Dzięki, poprawka jest gotowa.");
    }

    @Test
    void outlookReplyEndsWhereTheFromSentHeaderBlockOfTheOriginalBegins() {
        assertThat(relayFixture("outlook-top-posted-above-from-sent-header-block.eml").text()).isEqualTo("""
                Hello Alex,

                Could you tell us which reverse proxy sat in front of the server when you tested? \
                The double decoding may come from the proxy rather than from us.

                Kind regards,
                Sam Okafor
                Platform team""");
    }

    @Test
    void anOutlookHtmlOnlyReplyIsRelayedLineForLineWithoutTheSignatureOutlookInsertedAboveTheOriginal() {
        RelayedReply relayed = relayFixture("outlook-html-only-top-posted-with-undelimited-signature.eml");

        assertThat(relayed.commandsAtTop()).isTrue();
        assertThat(relayed.text()).isEqualTo("""
                Hi Alex,

                we can reproduce the traversal on 2.4.0 with the double-encoded slash.
                A fix is being prepared for 2.4.1.""");
    }

    @Test
    void outlookPlainTextReplyEndsAtTheOriginalMessageSeparator() {
        assertThat(relayFixture("outlook-plain-text-above-original-message-separator.eml").text()).isEqualTo("""
                Hi Alex,

                no, the Windows build is not affected: it rejects backslashes before decoding. \
                Thanks for checking.

                Maria""");
    }

    @Test
    void gmailAttributionWrappedOverTwoLinesIsRemovedWhole() {
        assertThat(relayFixture("gmail-attribution-wrapped-over-two-lines.eml").text()).isEqualTo("""
                Hi Alex,

                we plan to publish the advisory together with 2.4.1 on 15 April. Please \
                keep the details to yourself until then.

                Thanks,
                Konstantin""");
    }

    @Test
    void appleMailBottomPostedAnswersBetweenQuotesAreKeptAndTheQuestionsDropped() {
        assertThat(relayFixture("apple-mail-bottom-posted-answers-between-quotes.eml").text()).isEqualTo("""
                No: only the latest release line gets security fixes, as our policy says.
                2.3 users should move to 2.4.1.

                Yes, that is fine, I have noted it.

                Maria""");
    }

    @Test
    void iphoneReplyLosesItsSentFromLineAndTheQuotedAttributions() {
        assertThat(relayFixture("iphone-top-posted-sent-from-my-iphone.eml").text()).isEqualTo(
                "Thanks Alex, got it. I'll look at the new PoC when I'm back at my desk this afternoon.");
    }

    @Test
    void muttInterleavedReplyKeepsTheAnswersAndDropsTheAsteriskAttributionAndSignature() {
        assertThat(relayFixture("mutt-interleaved-with-asterisk-attribution.eml").text()).isEqualTo("""
                It does: both handlers now go through the same path check.

                Yes, 15 April.""");
    }

    @Test
    void aCommandBelowTheQuoteRelaysNothingAndIsReportedForItMayBeInternal() {
        RelayedReply relayed = relayFixture("thunderbird-bottom-posted-command-below-the-quote.eml");

        assertThat(relayed.isEmpty()).isTrue();
        assertThat(relayed.strayCommandLines()).containsExactly(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "thunderbird-top-posted-with-commands-signature-and-quote.eml",
            "thunderbird-german-bottom-posted-below-am-schrieb.eml",
            "outlook-top-posted-above-from-sent-header-block.eml",
            "outlook-plain-text-above-original-message-separator.eml",
            "outlook-html-only-top-posted-with-undelimited-signature.eml",
            "gmail-attribution-wrapped-over-two-lines.eml",
            "apple-mail-bottom-posted-answers-between-quotes.eml",
            "iphone-top-posted-sent-from-my-iphone.eml",
            "mutt-interleaved-with-asterisk-attribution.eml"})
    void noTeamAddressNoAttributionNoCommandAndNoQuotedReportReachesTheReporter(String fixture) {
        String text = relayFixture(fixture).text();

        assertThat(text).isNotBlank();
        assertThat(text.toLowerCase(java.util.Locale.ROOT))
                .doesNotContain("@demo.example", "maria berg", "sam okafor <", "weißenberger", "wrote:", "schrieb",
                        "security@example.org", "etc/passwd", "[2026-", "sent from my");
        assertThat(text).doesNotContain("#confirm", "#severity", "#cvss", "#assign", "#waiting", "#embargo", "#credit");
        assertThat(text.lines()).noneMatch(line -> line.startsWith(">"));
    }

    @Test
    void attributionsInOtherLanguagesAreRecognised() {
        for (String attribution : List.of(
                "Le 02/03/2026 à 09:14, Maria Berg a écrit :",
                "El lun, 2 mar 2026 a las 9:14, Maria Berg (<maria@demo.example>) escribió:",
                "Il giorno lun 2 mar 2026 alle ore 09:14 Maria Berg <maria@demo.example> ha scritto:",
                "Em seg., 2 de mar. de 2026 às 09:14, Maria Berg <maria@demo.example> escreveu:",
                "Op ma 2 mrt 2026 om 09:14 schreef Maria Berg <maria@demo.example>:",
                "Den mån 2 mars 2026 kl 09:14 skrev Maria Berg <maria@demo.example>:",
                "Maria Berg <maria@demo.example> schrieb am Mo., 2. März 2026, 09:14:")) {
            assertThat(relayText("Merci.\n\n" + attribution + "\n> quoted\n")).as(attribution).isEqualTo("Merci.");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Quoting example.org security team <security@example.org>:",
        "Zitat von example.org security team <security@example.org>:"})
    void hordesAttributionBeforeItsQuoteIsNotRelayed(String attribution) {
        assertThat(relayText("Thanks, fixed in 2.4.1.\n\n" + attribution + "\n\n> New security report\n"))
                .isEqualTo("Thanks, fixed in 2.4.1.");
        assertThat(relayText("Quoting the advisory draft:\nFixed in 2.4.1.")).as("without a quote below it")
                .isEqualTo("Quoting the advisory draft:\nFixed in 2.4.1.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6 Dec 2026, 10:00 by security@example.org:", "6. Dez. 2026, 10:00 von security@example.org:"})
    void tutanotasAttributionBeforeItsQuoteIsNotRelayed(String attribution) {
        assertThat(relayText("Thanks, fixed in 2.4.1.\n\n" + attribution + "\n> New security report\n"))
                .isEqualTo("Thanks, fixed in 2.4.1.");
        assertThat(relayText("The release is on 6 Dec, at 10:00 by the release team:\nFixed in 2.4.1."))
                .as("without a quote below it").isEqualTo("The release is on 6 Dec, at 10:00 by the release team:\nFixed in 2.4.1.");
    }

    @Test
    void anAttributionBeforeAQuoteWithoutMarksEndsTheRelayedText() {
        assertThat(relayText("Thanks, noted.\n\nOn Mon, Mar 2, 2026 at 9:14 AM Sam Okafor <sam.okafor@demo.example>"
                + " wrote:\nThe quoted text, its marks lost when HTML became text.\n"))
                .isEqualTo("Thanks, noted.");
    }

    @Test
    void aWeakAttributionCountsOnlyBeforeQuotedLines() {
        assertThat(relayText("Here is what the scanner wrote:\nGET /static/ 200\n")).isEqualTo(
                "Here is what the scanner wrote:\nGET /static/ 200");
        assertThat(relayText("Thanks!\n\nAlex Kowalski wrote:\n> details\n")).isEqualTo("Thanks!");
    }

    @Test
    void aTeamAddressTheMaintainerTypedIsWithheldAndAHeaderLikeLineNamingTheTeamDropped() {
        assertThat(relayText("Write to maria@demo.example if the PoC fails.\nFrom: Maria Berg\nCheers"))
                .isEqualTo("Write to [address withheld] if the PoC fails.\nCheers");
    }

    @Test
    void signatureWithoutItsTrailingSpaceIsStillASignature() {
        assertThat(relayText("Fixed in 2.4.1.\n--\nMaria Berg\n+49 30 1234 5678")).isEqualTo("Fixed in 2.4.1.");
    }

    @Test
    void aSignatureOutlookInsertedWithoutADelimiterIsRecognisedByTheSendersNameAndNotRelayed() {
        String outlook = "#confirm\n\nMaria Berg\nRelease manager | example.org\n+49 30 1234 5678\n\n"
                + "________________________________\nFrom: example.org security team <security@example.org>\n"
                + "Sent: Monday, March 2, 2026 9:14 AM\n";
        RelayedReply commandsOnly = relay.relay(outlook, MARIA);
        assertThat(commandsOnly.isEmpty()).as(commandsOnly.text()).isTrue();

        assertThat(relayText("We can reproduce it.\n\nMaria Berg\nRelease manager\n+49 30 1234 5678"))
                .isEqualTo("We can reproduce it.");
        assertThat(relay.relay("We can reproduce it.\n\nSam Okafor\nPlatform team", new EmailAddress(
                "sam.okafor@demo.example", null)).text()).as("the configured name of a From without one")
                .isEqualTo("We can reproduce it.");
    }

    @Test
    void aSignOffWithTheSendersNameAndALoneNameLineAreTheMaintainersWordsAndStay() {
        assertThat(relayText("We can reproduce it.\n\nBest regards,\nMaria Berg\nRelease manager"))
                .isEqualTo("We can reproduce it.\n\nBest regards,\nMaria Berg\nRelease manager");
        assertThat(relayText("We can reproduce it.\n\nMaria Berg")).isEqualTo("We can reproduce it.\n\nMaria Berg");
    }

    @Test
    void onlyAPhonesSentFromLineIsASignatureNotASentenceThatStartsLikeOne() {
        assertThat(relayText("Sent from my laptop, the PoC still works.\n\nSent from my Galaxy S24"))
                .isEqualTo("Sent from my laptop, the PoC still works.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Von meinem iPhone gesendet", "Envoyé de mon iPhone", "Enviado desde mi iPhone",
        "Inviato da iPhone", "Verzonden met mijn iPhone", "Enviado do meu iPhone", "Skickat från min iPhone",
        "Sendt fra min iPhone", "Lähetetty iPhonesta", "Wysłane z mojego iPhone'a", "Odesláno z iPhonu",
        "Отправлено с iPhone", "iPhone'umdan gönderildi", "iPhoneから送信", "发自我的iPhone", "Get Outlook for iOS"})
    void aPhonesSentFromLineInTheLanguageOfItsSettingsIsASignature(String footer) {
        assertThat(relayText("Fixed in 2.4.1.\n\n" + footer)).isEqualTo("Fixed in 2.4.1.");
    }

    @Test
    void aReplyOfOnlyCommandsAndQuotesRelaysNothing() {
        RelayedReply relayed = relay.relay("#confirm\n#severity high\n\nOn 02.03.26 09:14, Sam Okafor wrote:\n> hi\n",
                MARIA);

        assertThat(relayed.isEmpty()).isTrue();
        assertThat(relayed.strayCommandLines()).isEmpty();
    }
}

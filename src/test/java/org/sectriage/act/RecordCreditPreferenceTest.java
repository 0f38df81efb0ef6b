package org.sectriage.act;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sectriage.command.Credit;

/** How a reporter's own words are read as their credit preference. */
class RecordCreditPreferenceTest {

    @Test
    void aCreditLineNamesTheCredit() {
        assertThat(RecordCreditPreference.preference("Thanks!\nCredit: Alex Researcher (Example Labs)\n"))
                .contains(Credit.as("Alex Researcher (Example Labs)"));
    }

    @Test
    void noCreditInItsCommonFormsDeclines() {
        assertThat(RecordCreditPreference.preference("No credit, please.")).contains(Credit.declined());
        assertThat(RecordCreditPreference.preference("please do not credit me")).contains(Credit.declined());
        assertThat(RecordCreditPreference.preference("Credit: none")).contains(Credit.declined());
    }

    @Test
    void textThatOnlyMentionsCreditIsNoPreference() {
        assertThat(RecordCreditPreference.preference("The credit card form leaks the CVV in the URL.")).isEmpty();
    }

    @Test
    void aSentenceThatMerelyStartsWithTheWordsOfAnAnswerIsNoPreference() {
        assertThat(RecordCreditPreference.preference("Thanks for the quick answer.\n\nAnonymous users can trigger it"
                + " too: the /api/export endpoint needs no session.\n")).isEmpty();
        assertThat(RecordCreditPreference.preference("No credit card is needed to sign up, so anyone can reach the"
                + " vulnerable form.")).isEmpty();
        assertThat(RecordCreditPreference.preference("Anonymous access to /admin/backup returns the whole database."))
                .isEmpty();
    }

    @Test
    void anonymousAsTheAnswerItselfDeclines() {
        assertThat(RecordCreditPreference.preference("Anonymous, please.")).contains(Credit.declined());
        assertThat(RecordCreditPreference.preference("anonymous")).contains(Credit.declined());
        assertThat(RecordCreditPreference.preference("Please keep me anonymous.")).contains(Credit.declined());
        assertThat(RecordCreditPreference.preference("No credit needed, thanks!")).contains(Credit.declined());
        assertThat(RecordCreditPreference.preference("no credit")).contains(Credit.declined());
    }

    @Test
    void aCreditLineInTheMailQuotedBelowOutlooksHeaderBlockIsNotTheWritersPreference() {
        String reply = """
                Thanks, here is the version you asked for: 2.4.1.

                From: Sam Colleague <sam@researcher.example>
                Sent: Monday, December 7, 2026 09:12
                To: Alex <alex@researcher.example>
                Subject: RE: [SEC-2026-0001] XSS in the search page

                Credit: Sam Colleague
                """;

        assertThat(RecordCreditPreference.preferenceInOwnText(reply, "")).isEmpty();
    }

    @Test
    void aCreditLineOfTheWritersOwnAboveAQuoteIsTheirs() {
        String reply = """
                Credit: Alex Example

                On Mon, Dec 7, 2026 at 9:12 AM Example Project Security <security@project.example> wrote:
                > How should we credit you in the advisory?
                """;

        assertThat(RecordCreditPreference.preferenceInOwnText(reply, "")).contains(Credit.as("Alex Example"));
    }

    @Test
    void aCreditLineInTheReportAttachedAsATextFileIsTheReporters() {
        String attached = "Summary: stored XSS in the comment preview\n\nSteps: ...\n\nCredit: Kim Example (example.net)\n";

        assertThat(RecordCreditPreference.preferenceInOwnText("Please see the attached report.", attached))
                .contains(Credit.as("Kim Example (example.net)"));
        assertThat(RecordCreditPreference.preferenceInOwnText("No credit, please.", attached))
                .as("what the mail itself says comes first").contains(Credit.declined());
    }
}

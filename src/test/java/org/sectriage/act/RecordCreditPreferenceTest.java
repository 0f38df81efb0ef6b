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
}

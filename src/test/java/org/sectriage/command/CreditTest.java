package org.sectriage.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who is named in the advisory: only with consent, or by a policy that credits by default; never an address. */
class CreditTest {

    @Test
    void aChosenNameIsPublishedWhateverThePolicy() {
        assertThat(Credit.as("Jane Doe").nameToPublish(false, "J. D.")).contains("Jane Doe");
    }

    @Test
    void aDeclinedCreditIsNeverPublished() {
        assertThat(Credit.declined().nameToPublish(true, "Jane Doe")).isEmpty();
    }

    @Test
    void anUndecidedCreditFollowsThePolicysDefault() {
        assertThat(Credit.undecided().nameToPublish(true, "Jane Doe")).contains("Jane Doe");
        assertThat(Credit.undecided().nameToPublish(false, "Jane Doe")).isEmpty();
    }

    @Test
    void aReporterKnownOnlyByAddressIsNotPublishedByDefault() {
        assertThat(Credit.undecided().nameToPublish(true, null)).isEmpty();
        assertThat(Credit.undecided().nameToPublish(true, "jane@example.org")).isEmpty();
    }
}

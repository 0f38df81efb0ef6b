package org.sectriage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseSubjectTest {

    @ParameterizedTest(name = "''{0}'' files as ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "XSS in the comment preview | XSS in the comment preview",
        "Re: Re: [SEC-2026-0001] Auth bypass | Auth bypass",
        "AW: Pfad-Traversierung | Pfad-Traversierung",
        "Fwd: RE[2]: heap overflow | heap overflow",
        "[SEC-2026-0042] | (no subject)",
        "'   ' | (no subject)",
        "Re: Regression in regex engine | Regression in regex engine",
    })
    void dropsReplyPrefixesAndForeignCaseTags(String subject, String expected) {
        assertThat(CaseSubject.of(subject)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"SEC-2026-0001, 2026, 1", "SEC-2027-12345, 2027, 12345"})
    void caseIdsRoundTrip(String text, int year, int number) {
        CaseId id = CaseId.parse(text);
        assertThat(id).isEqualTo(new CaseId(year, number));
        assertThat(id.toString()).isEqualTo(text);
        assertThat(CaseId.findTag("Re: [" + text + "] subject")).contains(id);
    }
}

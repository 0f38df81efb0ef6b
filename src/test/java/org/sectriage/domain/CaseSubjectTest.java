package org.sectriage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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

    @Test
    void aThousandReplyPrefixesAreRemovedWithoutExhaustingTheStack() {
        assertThat(CaseSubject.of("Re: ".repeat(1000) + "overflow")).isEqualTo("overflow");
        assertThat(CaseSubject.of("Re: ".repeat(100_000))).isEqualTo(CaseSubject.NONE);
    }

    @Test
    void aVeryLongSubjectIsCut() {
        assertThat(CaseSubject.of("x".repeat(10_000))).hasSize(CaseSubject.MAX_LENGTH);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Re: [SEC-2026-99999999999] hello",
        "[SEC-1900-0001] old",
        "[SEC-2026-0000] zero",
    })
    void tagsThatAreNoCaseIdsAreIgnored(String subject) {
        assertThat(CaseId.findTag(subject)).isEmpty();
    }

    @Test
    void aValidTagAfterAnInvalidOneIsFound() {
        assertThat(CaseId.findTag("[SEC-2026-0000] Re: [SEC-2026-0007]")).contains(new CaseId(2026, 7));
    }

    @Test
    void aCaseIsNamedInTextByItsWholeIdNotByTheStartOfALongerOne() {
        CaseId first = new CaseId(2026, 1);

        assertThat(first.isNamedIn("> New security report: SEC-2026-0001\n")).isTrue();
        assertThat(first.isNamedIn("about [SEC-2026-0001], see")).isTrue();
        assertThat(first.isNamedIn("> New security report: SEC-2026-00012\n")).isFalse();
        assertThat(first.isNamedIn("XSEC-2026-0001")).as("inside a longer word").isFalse();
        assertThat(first.isNamedIn("nothing here")).isFalse();
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

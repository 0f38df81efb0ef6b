package org.sectriage.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sectriage.advisory.AdvisoryFixtures.GENERATED;
import static org.sectriage.advisory.AdvisoryFixtures.MAVEN_PROJECT;
import static org.sectriage.advisory.AdvisoryFixtures.everythingKnown;
import static org.sectriage.advisory.AdvisoryFixtures.nothingKnownYet;

import org.junit.jupiter.api.Test;

/** The Markdown draft people read and edit before publishing. */
class MarkdownAdvisoryTest {

    private static String markdown(AdvisoryCase advisory) {
        return AdvisoryFormat.MARKDOWN.writer().write(advisory, MAVEN_PROJECT, GENERATED);
    }

    @Test
    void aFixedCaseReadsAsAnAdvisoryWithFactsRemedyCreditsAndTimeline() {
        assertThat(markdown(everythingKnown().build())).isEqualTo("""
                # SEC-2026-0007: Path traversal in the static file handler

                > Draft advisory for example-server, written 2026-04-10.

                | | |
                | --- | --- |
                | Product | example-server |
                | Severity | High |
                | CVSS | 7.5 (`CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N`) |
                | Weakness | CWE-22: Improper Limitation of a Pathname to a Restricted Directory ('Path Traversal'); \
                CWE-23: Relative Path Traversal |
                | Affected versions | 2.4.0, 2.3.9 |
                | Fixed in | 2.4.1 |

                ## Summary

                A double-encoded slash lets a remote user read any file the server can read.

                ## Details

                The static file handler decodes the request path twice, so `..%252f` becomes `../` after the traversal check.

                All configurations are affected.

                ## Remedy

                Update to example-server 2.4.1 or later.

                ## Credits

                Reported by Alex Kowalski (Kowalski Security).

                ## Timeline

                - 2026-03-02: reported
                - 2026-04-14: fixed in 2.4.1
                - 2026-04-15: published
                """);
    }

    @Test
    void whatIsNotKnownYetIsSaidSo() {
        assertThat(markdown(nothingKnownYet()))
                .contains("| Severity | not rated yet |", "| CVSS | not scored yet |", "| Weakness | not classified yet |",
                        "| Affected versions | to be determined |", "| Fixed in | not fixed yet |",
                        "not for publication yet", "To be written.", "No fixed version yet.")
                .doesNotContain("## Credits", "## Summary");
    }

    @Test
    void aTitleCannotBreakTheTable() {
        assertThat(markdown(AdvisoryCase.builder(AdvisoryFixtures.ID, "x", AdvisoryFixtures.OPENED)
                .affectedVersions(java.util.List.of("2.4.0 | injected")).build()))
                .contains("| Affected versions | 2.4.0 \\| injected |");
    }

    @Test
    void formatsAreNamedAsOnTheCommandLine() {
        assertThat(AdvisoryFormat.fromLabel("CSAF")).contains(AdvisoryFormat.CSAF);
        assertThat(AdvisoryFormat.fromLabel("markdown")).contains(AdvisoryFormat.MARKDOWN);
        assertThat(AdvisoryFormat.fromLabel("pdf")).isEmpty();
    }
}

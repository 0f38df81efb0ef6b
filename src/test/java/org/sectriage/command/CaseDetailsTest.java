package org.sectriage.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sectriage.command.CommandTesting.NOW;
import static org.sectriage.command.CommandTesting.SAM;
import static org.sectriage.command.CommandTesting.applied;
import static org.sectriage.command.CommandTesting.caseIn;
import static org.sectriage.command.CommandTesting.refused;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.sectriage.classify.report.Severity;
import org.sectriage.domain.CaseEvent;
import org.sectriage.domain.CaseState;
import org.sectriage.sla.SlaEvent;
import org.sectriage.sla.SlaEventType;

/** The commands that record what the team knows: severity, CVSS, CWE, assignee, embargo, credit, and the flags. */
class CaseDetailsTest {

    private final CaseFile triaged = caseIn(CaseState.TRIAGED);

    @Test
    void cvss31IsScoredByTheLibraryAndItsRatingIsTheSeverityUntilAMaintainerSetsOne() {
        CaseFile file = applied("#cvss CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", triaged).caseFile();

        assertThat(file.cvss().score()).isEqualTo(9.8);
        assertThat(file.effectiveSeverity()).contains(Severity.CRITICAL);
        assertThat(applied("#severity medium", file).caseFile().effectiveSeverity()).contains(Severity.MEDIUM);
    }

    @Test
    void cvss30AndCvss40VectorsAreScored() {
        assertThat(applied("#cvss CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", triaged).caseFile().cvss().score())
                .isEqualTo(6.1);
        CaseFile v4 = applied("#cvss CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", triaged).caseFile();
        assertThat(v4.cvss().version()).isEqualTo("4.0");
        assertThat(v4.cvss().score()).isEqualTo(9.3);
        assertThat(v4.effectiveSeverity()).contains(Severity.CRITICAL);
    }

    @Test
    void theCvssEventShowsTheScore() {
        assertThat(applied("#cvss CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N", triaged).effects().events())
                .extracting(CaseEvent::type, CaseEvent::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cvss-set",
                        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N (9.1 critical)"));
    }

    @Test
    void cweTakesOneOrMoreIdsAndReplacesThoseBefore() {
        CaseFile file = applied("#cwe CWE-79, cwe-80 CWE-79", triaged).caseFile();
        assertThat(file.cwes()).containsExactly(79, 80);
        assertThat(applied("#cwe CWE-89", file).caseFile().cweNames()).containsExactly("CWE-89");
    }

    @Test
    void assignFindsAMaintainerByAddressNameOrFirstName() {
        assertThat(applied("#assign sam.okafor@demo.example", triaged).caseFile().assignee()).isEqualTo(SAM);
        assertThat(applied("#assign Sam Okafor", triaged).caseFile().assignee()).isEqualTo(SAM);
        assertThat(applied("#assign sam", triaged).caseFile().assignee()).isEqualTo(SAM);
    }

    @Test
    void assigningSomeoneOutsideTheTeamIsRefusedWithTheTeamListed() {
        assertThat(refused("#assign bob@elsewhere.example", triaged)).containsExactly(
                "line 1: #assign knows no maintainer 'bob@elsewhere.example'; the maintainers are"
                        + " Maria Berg <maria@demo.example>, Sam Okafor <sam.okafor@demo.example>");
    }

    @Test
    void anEmbargoWithinThePolicysLongestIsSet() {
        CommandOutcome.Applied result = applied("#embargo 2026-05-31", triaged);

        assertThat(result.caseFile().embargo()).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(applied("#embargo 2026-03-02", triaged).caseFile().embargo()).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void anEmbargoPastThePolicysLongestOrInThePastIsRefused() {
        assertThat(refused("#embargo 2026-06-01", triaged)).containsExactly(
                "line 1: #embargo 2026-06-01 is later than the policy allows: at most 90 days, so 2026-05-31 at the latest");
        assertThat(refused("#embargo 2026-03-01", triaged))
                .containsExactly("line 1: #embargo 2026-03-01 is in the past (today is 2026-03-02)");
        assertThat(refused("#embargo 2026-04-01", caseIn(CaseState.CLOSED))).containsExactly(
                "line 1: #embargo cannot apply to a closed case: only an open case gets an embargo");
    }

    @Test
    void creditTakesAQuotedNameAsPhonesQuoteItAndNoCreditDeclines() {
        assertThat(applied("#credit \"Jane Doe (ACME Security)\"", triaged).caseFile().credit())
                .isEqualTo(Credit.as("Jane Doe (ACME Security)"));
        for (String quoted : java.util.List.of("“Jane Doe”", "„Jane Doe“", "« Jane Doe »", "»Jane Doe«", "‘Jane Doe’",
                "「Jane Doe」", "”Jane Doe”")) {
            assertThat(applied("#credit " + quoted, triaged).caseFile().credit()).as(quoted).isEqualTo(Credit.as("Jane Doe"));
        }
        assertThat(applied("#credit Jane \"JD\" Doe", triaged).caseFile().credit()).isEqualTo(Credit.as("Jane \"JD\" Doe"));
        assertThat(applied("#no-credit", triaged).caseFile().credit()).isEqualTo(Credit.declined());
    }

    @Test
    void waitingPausesTheSlaClocksOfAnOpenCaseOnly() {
        assertThat(applied("#waiting", triaged).effects().slaEvents())
                .containsExactly(new SlaEvent(NOW, SlaEventType.WAITING_ON_REPORTER));
        assertThat(refused("#waiting", caseIn(CaseState.CLOSED))).containsExactly(
                "line 1: #waiting cannot apply to a closed case: only an open case waits on its reporter");
    }

    @Test
    void internalMarksTheReplyAsNotForTheReporter() {
        Effects effects = applied("#internal\nLooks like the same bug as last year.", triaged).effects();

        assertThat(effects.internal()).isTrue();
        assertThat(applied("#confirm", triaged).effects().internal()).isFalse();
    }

    @Test
    void helpSendsTheCommandListAndChangesNothing() {
        CommandOutcome.Applied result = applied("#help", triaged);

        assertThat(result.caseFile()).isEqualTo(triaged);
        assertThat(result.effects().help()).contains(CommandTesting.COMMANDS.helpText());
        assertThat(applied("#confirm", triaged).effects().help()).isEmpty();
    }

    @Test
    void aReplyWithoutCommandsChangesNothing() {
        CommandOutcome.Applied result = applied("Thanks, looking into it.", triaged);

        assertThat(result.caseFile()).isEqualTo(triaged);
        assertThat(result.effects()).isEqualTo(Effects.none());
    }
}

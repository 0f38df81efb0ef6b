package org.sectriage.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sectriage.command.CommandTesting.CASE;
import static org.sectriage.command.CommandTesting.EARLIER_CASE;
import static org.sectriage.command.CommandTesting.NOW;
import static org.sectriage.command.CommandTesting.applied;
import static org.sectriage.command.CommandTesting.caseIn;
import static org.sectriage.command.CommandTesting.refused;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sectriage.domain.CaseEvent;
import org.sectriage.domain.CaseState;
import org.sectriage.sla.SlaEvent;
import org.sectriage.sla.SlaEventType;

/** new -> acknowledged -> triaged -> confirmed -> fixed -> disclosed -> closed, the other ends, and reopening. */
class LifecycleTest {

    @Test
    void aCaseGoesFromAcknowledgedToClosedByMail() {
        CaseFile file = caseIn(CaseState.ACKNOWLEDGED);

        file = applied("#confirm", file).caseFile();
        assertThat(file.state()).isEqualTo(CaseState.CONFIRMED);
        file = applied("#fixed 2.4.1", file).caseFile();
        assertThat(file.state()).isEqualTo(CaseState.FIXED);
        assertThat(file.fixedVersion()).isEqualTo("2.4.1");
        file = applied("#disclose", file).caseFile();
        assertThat(file.state()).isEqualTo(CaseState.DISCLOSED);
        file = applied("#close", file).caseFile();
        assertThat(file.state()).isEqualTo(CaseState.CLOSED);
    }

    @Test
    void confirmingAnAcknowledgedCaseTriagesItFirstSoTimeToTriageCanBeRead() {
        CommandOutcome.Applied result = applied("#confirm", caseIn(CaseState.ACKNOWLEDGED));

        assertThat(result.effects().events()).extracting(CaseEvent::type, CaseEvent::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple("case-triaged", "acknowledged -> triaged"),
                org.assertj.core.groups.Tuple.tuple("case-confirmed", "triaged -> confirmed"));
        assertThat(result.effects().events()).allSatisfy(e -> {
            assertThat(e.caseId()).isEqualTo(CASE);
            assertThat(e.at()).isEqualTo(NOW);
            assertThat(e.actor()).isEqualTo("maria@demo.example");
        });
        assertThat(result.effects().notices()).containsExactly(new ReporterNotice(ReporterNotice.Kind.CONFIRMED, null));
    }

    @Test
    void anAssessmentTriagesANewCaseButLeavesALaterStateAlone() {
        assertThat(applied("#severity high", caseIn(CaseState.NEW)).caseFile().state()).isEqualTo(CaseState.TRIAGED);
        assertThat(applied("#severity high", caseIn(CaseState.FIXED)).caseFile().state()).isEqualTo(CaseState.FIXED);
    }

    @Test
    void fixedOnARejectedCaseIsRefusedWithTheRule() {
        assertThat(refused("#fixed 2.4.1", caseIn(CaseState.REJECTED)))
                .containsExactly("line 1: #fixed cannot apply to a rejected case: only a confirmed case can be fixed");
    }

    @Test
    void confirmingTwiceSaysTheCaseIsAlreadyConfirmed() {
        assertThat(refused("#confirm", caseIn(CaseState.CONFIRMED)))
                .containsExactly("line 1: #confirm changes nothing: the case is already confirmed");
    }

    @Test
    void aBatchWithAnyErrorAppliesNothingAndReportsEveryError() {
        CaseFile file = caseIn(CaseState.TRIAGED);

        assertThat(refused("#severity critical\n#confirm\n#fixed 2.4.1\n#disclose\n#close\n#reopen\n#close", file))
                .containsExactly("line 7: #close cannot apply to a triaged case: a case is closed once it is"
                        + " disclosed, rejected, not a security issue or a duplicate");
        assertThat(file.state()).isEqualTo(CaseState.TRIAGED);
        assertThat(file.severity()).isNull();
    }

    @Test
    void commandsInOneReplyApplyInOrderEachSeeingTheOnesBefore() {
        CommandOutcome.Applied result = applied("#not-security\n#close", caseIn(CaseState.ACKNOWLEDGED));

        assertThat(result.caseFile().state()).isEqualTo(CaseState.CLOSED);
        assertThat(result.effects().notices()).extracting(ReporterNotice::kind)
                .containsExactly(ReporterNotice.Kind.NOT_SECURITY);
    }

    @Test
    void rejectingTellsTheReporterTheReasonAndStopsTheSlaClocks() {
        CommandOutcome.Applied result = applied("#reject needs admin access to the host first", caseIn(CaseState.TRIAGED));

        assertThat(result.caseFile().state()).isEqualTo(CaseState.REJECTED);
        assertThat(result.effects().notices()).containsExactly(
                new ReporterNotice(ReporterNotice.Kind.REJECTED, "needs admin access to the host first"));
        assertThat(result.effects().events()).extracting(CaseEvent::detail)
                .containsExactly("triaged -> rejected: needs admin access to the host first");
        assertThat(result.effects().slaEvents()).containsExactly(new SlaEvent(NOW, SlaEventType.CLOSED));
    }

    @Test
    void aDuplicateNamesAnExistingOtherCase() {
        CommandOutcome.Applied result = applied("#duplicate SEC-2026-0003", caseIn(CaseState.TRIAGED));

        assertThat(result.caseFile().state()).isEqualTo(CaseState.DUPLICATE);
        assertThat(result.caseFile().duplicateOf()).isEqualTo(EARLIER_CASE);
        assertThat(result.effects().notices()).containsExactly(
                new ReporterNotice(ReporterNotice.Kind.DUPLICATE, "SEC-2026-0003"));
        assertThat(refused("#duplicate SEC-2026-0099", caseIn(CaseState.TRIAGED)))
                .containsExactly("line 1: #duplicate names SEC-2026-0099, and there is no such case");
        assertThat(refused("#duplicate SEC-2026-0007", caseIn(CaseState.TRIAGED)))
                .containsExactly("line 1: #duplicate cannot name the case itself");
    }

    @Test
    void fixingTellsTheReporterTheVersion() {
        CommandOutcome.Applied result = applied("#fixed 2.4.1", caseIn(CaseState.CONFIRMED));

        assertThat(result.effects().notices()).containsExactly(new ReporterNotice(ReporterNotice.Kind.FIXED, "2.4.1"));
        assertThat(result.effects().events()).extracting(CaseEvent::detail).containsExactly("confirmed -> fixed: in 2.4.1");
    }

    @Test
    void disclosingTellsTheReporterAndMeetsTheDisclosureDeadline() {
        CommandOutcome.Applied result = applied("#disclose", caseIn(CaseState.FIXED));

        assertThat(result.effects().notices()).extracting(ReporterNotice::kind)
                .containsExactly(ReporterNotice.Kind.DISCLOSED);
        assertThat(result.effects().slaEvents()).extracting(SlaEvent::type)
                .containsExactly(SlaEventType.DISCLOSED, SlaEventType.CLOSED);
    }

    @ParameterizedTest
    @EnumSource(value = CaseState.class, names = {"CLOSED", "DISCLOSED", "REJECTED", "NOT_SECURITY", "DUPLICATE"})
    void aClosedOrDecidedCaseCanBeReopenedIntoTriage(CaseState state) {
        CommandOutcome.Applied result = applied("#reopen", caseIn(state).withDuplicateOf(EARLIER_CASE));

        assertThat(result.caseFile().state()).isEqualTo(CaseState.TRIAGED);
        assertThat(result.caseFile().duplicateOf()).isNull();
        assertThat(result.effects().slaEvents()).extracting(SlaEvent::type).containsExactly(SlaEventType.REOPENED);
    }

    @ParameterizedTest
    @EnumSource(value = CaseState.class, names = {"NEW", "ACKNOWLEDGED", "TRIAGED", "CONFIRMED", "FIXED"})
    void anOpenCaseCannotBeReopened(CaseState state) {
        assertThat(refused("#reopen", caseIn(state))).singleElement().asString()
                .endsWith("only a closed or decided case can be reopened");
    }

    @Test
    void aConfirmedCaseCannotBeRejectedAnyMore() {
        assertThat(refused("#reject not reproducible after all", caseIn(CaseState.CONFIRMED)))
                .containsExactly("line 1: #reject cannot apply to a confirmed case: only a case still in triage"
                        + " can be rejected");
    }
}

package org.sectriage.command;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sectriage.classify.report.CvssVector;
import org.sectriage.classify.report.Severity;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.CaseState;
import org.sectriage.domain.EmailAddress;

/**
 * What maintainers' commands decide about one case, as an immutable value: its state, how severe it is
 * (by word and by CVSS), its weaknesses, who works on it, the version with the fix, the planned
 * disclosure date, the reporter's credit and, for a duplicate, the case it duplicates.
 * Commands return a new {@code CaseFile}; the store keeps the latest one.
 *
 * @param severity     the severity a maintainer set with {@code #severity}, or null
 * @param cvss         the CVSS vector set with {@code #cvss} (score and rating for 3.x), or null
 * @param cwes         CWE ids, e.g. 79 for CWE-79; empty when none was set
 * @param assignee     the maintainer the case is assigned to, or null
 * @param fixedVersion the first version with the fix, or null
 * @param embargo      the planned public disclosure date, or null
 * @param duplicateOf  the case this one duplicates, or null
 */
public record CaseFile(CaseId id, CaseState state, Severity severity, CvssVector cvss, List<Integer> cwes,
                       EmailAddress assignee, String fixedVersion, LocalDate embargo, Credit credit,
                       CaseId duplicateOf) {

    public CaseFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        cwes = List.copyOf(cwes);
        Objects.requireNonNull(credit, "credit");
    }

    /** The file of a case that nobody has acted on yet: new, nothing set, credit undecided. */
    public static CaseFile of(CaseId id) {
        return new CaseFile(id, CaseState.NEW, null, null, List.of(), null, null, null, Credit.undecided(), null);
    }

    /**
     * The severity to publish: the one a maintainer set, else the rating of a scored CVSS vector;
     * empty when there is neither.
     */
    public Optional<Severity> effectiveSeverity() {
        if (severity != null) {
            return Optional.of(severity);
        }
        return Optional.ofNullable(cvss).map(CvssVector::severity);
    }

    /** The CWE ids written as {@code CWE-79}. */
    public List<String> cweNames() {
        return cwes.stream().map(cwe -> "CWE-" + cwe).toList();
    }

    public CaseFile withState(CaseState newState) {
        return new CaseFile(id, newState, severity, cvss, cwes, assignee, fixedVersion, embargo, credit, duplicateOf);
    }

    public CaseFile withSeverity(Severity newSeverity) {
        return new CaseFile(id, state, newSeverity, cvss, cwes, assignee, fixedVersion, embargo, credit, duplicateOf);
    }

    public CaseFile withCvss(CvssVector newCvss) {
        return new CaseFile(id, state, severity, newCvss, cwes, assignee, fixedVersion, embargo, credit, duplicateOf);
    }

    public CaseFile withCwes(List<Integer> newCwes) {
        return new CaseFile(id, state, severity, cvss, newCwes, assignee, fixedVersion, embargo, credit, duplicateOf);
    }

    public CaseFile withAssignee(EmailAddress newAssignee) {
        return new CaseFile(id, state, severity, cvss, cwes, newAssignee, fixedVersion, embargo, credit, duplicateOf);
    }

    public CaseFile withFixedVersion(String version) {
        return new CaseFile(id, state, severity, cvss, cwes, assignee, version, embargo, credit, duplicateOf);
    }

    public CaseFile withEmbargo(LocalDate date) {
        return new CaseFile(id, state, severity, cvss, cwes, assignee, fixedVersion, date, credit, duplicateOf);
    }

    public CaseFile withCredit(Credit newCredit) {
        return new CaseFile(id, state, severity, cvss, cwes, assignee, fixedVersion, embargo, newCredit, duplicateOf);
    }

    public CaseFile withDuplicateOf(CaseId original) {
        return new CaseFile(id, state, severity, cvss, cwes, assignee, fixedVersion, embargo, credit, original);
    }
}

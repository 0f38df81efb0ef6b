package org.sectriage.classify;

import java.util.List;
import org.sectriage.classify.report.Classification;
import org.sectriage.classify.report.DuplicateFinder;
import org.sectriage.classify.report.LikelyDuplicate;
import org.sectriage.classify.report.ReportFeatures;
import org.sectriage.domain.CaseEvent;
import org.sectriage.domain.CaseId;
import org.sectriage.parse.ParsedMessage;
import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.Step;

/**
 * Points out the open cases a new report most likely duplicates, with a similarity score, in both
 * cases' event logs and to the maintainers; merging is left to them ({@code #duplicate}).
 */
public final class FlagLikelyDuplicates implements Step {

    /** How many of the latest cases sharing one candidate key are compared. */
    private static final int CANDIDATES_PER_KEY = 20;

    private final DuplicateFinder finder;

    public FlagLikelyDuplicates(DuplicateFinder finder) {
        this.finder = finder;
    }

    @Override
    public void apply(Envelope env) {
        CaseId id = env.requireCase();
        ParsedMessage m = env.parsed();
        String vulnClass = env.classification().map(Classification::vulnClass).orElse(null);
        ReportFeatures features = env.textAnalysis().map(a -> a.features().withVulnClass(vulnClass))
                .orElseGet(() -> ReportFeatures.of(m.subjectAndBody(), vulnClass));
        List<LikelyDuplicate> found = finder.find(features, env.cases().candidateDuplicates(features, CANDIDATES_PER_KEY));
        for (LikelyDuplicate d : found) {
            env.cases().addLikelyDuplicate(id, d);
            env.cases().addEvent(new CaseEvent(id, env.now(), CaseEvent.SYSTEM, "likely-duplicate",
                    "resembles " + d.caseId() + " (similarity " + d.score() + ": " + d.reasons() + ")"));
            env.cases().addEvent(new CaseEvent(CaseId.parse(d.caseId()), env.now(), CaseEvent.SYSTEM,
                    "likely-duplicate", "new case " + id + " resembles this one (similarity " + d.score() + ")"));
        }
        env.cases().saveFeatures(id, features);
    }
}

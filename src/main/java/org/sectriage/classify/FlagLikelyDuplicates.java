package org.sectriage.classify;

import java.util.List;
import org.sectriage.classify.report.Classification;
import org.sectriage.classify.report.DuplicateCandidates;
import org.sectriage.classify.report.DuplicateFinder;
import org.sectriage.classify.report.LikelyDuplicate;
import org.sectriage.classify.report.ParsedFeaturesCache;
import org.sectriage.classify.report.ReportFeatures;
import org.sectriage.domain.CaseEvent;
import org.sectriage.domain.CaseId;
import org.sectriage.parse.ParsedMessage;
import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.Step;

/**
 * Points out the open cases a new report most likely duplicates, with a similarity score, in both
 * cases' event logs and to the maintainers; merging is left to them ({@code #duplicate}).
 *
 * <p>The cases compared are those its {@link DuplicateCandidates} files under the report's candidate
 * keys: built from the stored features of every case (a closed case may be reopened) on the first report
 * after the daemon starts, and added to as cases open. A case filed there whose transaction was rolled
 * back stays filed until the next start: its id is not found, or names the case that took the id after
 * it, which is then compared by its own stored features. Either way it is one candidate more, never a
 * likely duplicate that does not resemble the report.
 */
public final class FlagLikelyDuplicates implements Step {

    /** How many of the latest cases are kept under one candidate key. */
    private static final int CANDIDATES_PER_KEY = 20;
    /**
     * How many candidate keys are held at most: a report has about 24, so the keys of the latest 8,000
     * cases or more (like reports share keys); some 64 bytes a key, about 13 MB in all.
     */
    private static final int KEYS_KEPT = 200_000;
    /** How many of the candidates, those sharing the most keys with the report, are compared with it at most. */
    private static final int COMPARED_AT_MOST = 32;
    /** How many compared cases' parsed features are kept, for the reports after. */
    private static final int PARSED_KEPT = 256;

    private final DuplicateFinder finder;
    private final DuplicateCandidates candidates = new DuplicateCandidates(CANDIDATES_PER_KEY, KEYS_KEPT);
    private final ParsedFeaturesCache parsed = new ParsedFeaturesCache(PARSED_KEPT);
    private boolean built;

    public FlagLikelyDuplicates(DuplicateFinder finder) {
        this.finder = finder;
    }

    @Override
    public void apply(Envelope env) {
        CaseId id = env.requireCase();
        ParsedMessage m = env.parsed();
        String vulnClass = env.classification().map(Classification::vulnClass).orElse(null);
        ReportFeatures features = env.textAnalysis().map(a -> a.features().withVulnClass(vulnClass))
                .orElseGet(() -> ReportFeatures.of(m.subjectAndText(), vulnClass));
        List<Long> keys = features.candidateKeys();
        List<String> compared = candidates(env).find(keys, COMPARED_AT_MOST);
        List<LikelyDuplicate> found = finder.find(features, env.cases().openCaseFeatures(compared, parsed));
        for (LikelyDuplicate d : found) {
            env.cases().addLikelyDuplicate(id, d);
            env.cases().addEvent(new CaseEvent(id, env.now(), CaseEvent.SYSTEM, "likely-duplicate",
                    "resembles " + d.caseId() + " (similarity " + d.score() + ": " + d.reasons() + ")"));
            env.cases().addEvent(new CaseEvent(CaseId.parse(d.caseId()), env.now(), CaseEvent.SYSTEM,
                    "likely-duplicate", "new case " + id + " resembles this one (similarity " + d.score() + ")"));
        }
        env.cases().saveFeatures(id, features);
        candidates.add(id.toString(), keys);
    }

    /** The index of candidates, built on the first call from the stored cases' features. */
    private synchronized DuplicateCandidates candidates(Envelope env) {
        if (!built) {
            env.cases().forEachCaseFeatures((caseId, f) -> candidates.add(caseId, f.candidateKeys()));
            built = true;
        }
        return candidates;
    }
}

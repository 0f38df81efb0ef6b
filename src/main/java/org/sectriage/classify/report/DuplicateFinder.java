package org.sectriage.classify.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Points out the open cases a new report most likely duplicates, by the similarity of their words
 * (cosine of the term weights), the code locations both name, and their vulnerability class. It
 * never merges anything: maintainers decide, with {@code #duplicate}.
 *
 * <p>The score weighs text 0.6, shared locations 0.3 and the same class 0.1; when neither report
 * names a location, text weighs 0.9. A report of class {@code other} shares no class.
 */
public final class DuplicateFinder {

    /** How many likely duplicates are pointed out at most. */
    public static final int MAX_RESULTS = 3;

    private final double threshold;

    /** A finder that points out cases at least {@code threshold} similar (0 to 1). */
    public DuplicateFinder(double threshold) {
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("a similarity threshold is between 0 and 1, got " + threshold);
        }
        this.threshold = threshold;
    }

    /** The open cases among {@code openCases} (case id to features) like {@code report}, most similar first. */
    public List<LikelyDuplicate> find(ReportFeatures report, Map<String, ReportFeatures> openCases) {
        List<LikelyDuplicate> found = new ArrayList<>();
        openCases.forEach((caseId, other) -> {
            Similarity s = similarity(report, other);
            if (s.score() >= threshold) {
                found.add(describe(caseId, report, s)); // worded only for those found: formatting costs more
            }
        });
        found.sort(Comparator.comparingDouble(LikelyDuplicate::score).reversed()
                .thenComparing(LikelyDuplicate::caseId));
        return found.size() > MAX_RESULTS ? List.copyOf(found.subList(0, MAX_RESULTS)) : List.copyOf(found);
    }

    /** How like {@code other} (of case {@code caseId}) {@code report} is. */
    static LikelyDuplicate compare(String caseId, ReportFeatures report, ReportFeatures other) {
        return describe(caseId, report, similarity(report, other));
    }

    /**
     * How alike two reports are: the cosine of their text, the code locations both name, whether they are
     * of the same class, and the score from these, rounded to thousandths.
     */
    private record Similarity(double text, int sharedLocations, boolean sameClass, double score) {
    }

    private static Similarity similarity(ReportFeatures report, ReportFeatures other) {
        double text = cosine(report.terms(), other.terms());
        Set<String> shared = new HashSet<>(report.locations());
        shared.retainAll(other.locations());
        Set<String> all = new HashSet<>(report.locations());
        all.addAll(other.locations());
        boolean sameClass = report.vulnClass() != null && report.vulnClass().equals(other.vulnClass())
                && !ReportRules.OTHER_CLASS.equals(report.vulnClass())
                && !Classification.NO_CLASS.equals(report.vulnClass());
        double score = all.isEmpty()
                ? 0.9 * text + (sameClass ? 0.1 : 0)
                : 0.6 * text + 0.3 * shared.size() / all.size() + (sameClass ? 0.1 : 0);
        return new Similarity(text, shared.size(), sameClass, Math.round(score * 1000) / 1000.0);
    }

    private static LikelyDuplicate describe(String caseId, ReportFeatures report, Similarity s) {
        List<String> reasons = new ArrayList<>();
        reasons.add(String.format(Locale.ROOT, "similar text (%.2f)", s.text()));
        if (s.sharedLocations() > 0) {
            reasons.add(s.sharedLocations() + " shared code location" + (s.sharedLocations() == 1 ? "" : "s"));
        }
        if (s.sameClass()) {
            reasons.add("same class " + report.vulnClass());
        }
        return new LikelyDuplicate(caseId, s.score(), String.join(", ", reasons));
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            Double w = b.get(e.getKey());
            if (w != null) {
                dot += e.getValue() * w;
            }
        }
        double norms = norm(a) * norm(b);
        return norms == 0 ? 0 : dot / norms;
    }

    private static double norm(Map<String, Double> v) {
        double sum = 0;
        for (double w : v.values()) {
            sum += w * w;
        }
        return Math.sqrt(sum);
    }
}

package org.sectriage.classify.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.regex.Pattern;

/**
 * The data the {@link ReportClassifier} works on, as read from {@code classify/rules.yaml} and an
 * admin's extra rules file: thresholds, vulnerability classes, the signals of security reports,
 * non-security mail and spam, impact terms, completeness items, and the patterns that find versions.
 *
 * @param decision       thresholds and weights by name, see {@link #threshold(String)}
 * @param classes        vulnerability classes by name, in the order of the file
 * @param security       terms that say a message is about a vulnerability, whatever its class
 * @param notSecurity    terms of feature requests, ordinary bugs and support questions
 * @param spam           terms of marketing and other spam
 * @param impact         terms that raise (positive weight) or lower the estimated severity, in levels
 * @param completeness   what a good report contains, by item name
 * @param versionPatterns regular expressions whose group 1 is a version the report names
 */
public record ReportRules(
        Map<String, Integer> decision,
        Map<String, VulnClassRule> classes,
        WeightedTerms security,
        WeightedTerms notSecurity,
        WeightedTerms spam,
        WeightedTerms impact,
        Map<String, CompletenessItem> completeness,
        List<Pattern> versionPatterns) {

    /** The names of the thresholds and weights in the {@code decision} section. */
    public static final List<String> DECISION_KEYS =
            List.of("class-min", "security-min", "spam-min", "not-security-min", "cwe-weight", "cvss-weight",
                    "item-min");

    /** The class a security report gets when no class scores enough. */
    public static final String OTHER_CLASS = "other";
    /** The completeness item the type of issue is; a report of a known class has it, whatever its words. */
    public static final String ISSUE_TYPE_ITEM = "issue-type";

    public ReportRules {
        decision = Map.copyOf(decision);
        classes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(classes));
        completeness = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(completeness));
        versionPatterns = List.copyOf(versionPatterns);
    }

    /** The threshold or weight {@code name}, one of {@link #DECISION_KEYS}. */
    public int threshold(String name) {
        Integer value = decision.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no decision threshold " + name + " in the rules");
        }
        return value;
    }

    /** The rules of the class a security report gets when no class scores enough. */
    public VulnClassRule otherClass() {
        return classes.get(OTHER_CLASS);
    }

    /** These rules with {@code extra}'s added: entries of the same name are merged, extra's values winning. */
    public ReportRules overriddenBy(ReportRules extra) {
        Map<String, Integer> mergedDecision = new LinkedHashMap<>(decision);
        mergedDecision.putAll(extra.decision);
        return new ReportRules(mergedDecision,
                merged(classes, extra.classes, VulnClassRule::overriddenBy),
                security.overriddenBy(extra.security),
                notSecurity.overriddenBy(extra.notSecurity),
                spam.overriddenBy(extra.spam),
                impact.overriddenBy(extra.impact),
                merged(completeness, extra.completeness, CompletenessItem::overriddenBy),
                extra.versionPatterns.isEmpty() ? versionPatterns : extra.versionPatterns);
    }

    private static <T> Map<String, T> merged(Map<String, T> base, Map<String, T> extra, BinaryOperator<T> merge) {
        Map<String, T> result = new LinkedHashMap<>(base);
        extra.forEach((name, value) -> result.merge(name, value, merge));
        return result;
    }
}

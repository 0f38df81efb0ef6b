package org.sectriage.classify.report;

import java.util.List;

/**
 * The rules of one vulnerability class: its CWE ids (the first is the one reported when the reporter
 * names none), its baseline and highest estimated severity, and the terms that point to it.
 * In an extra rules file any part may be left out ({@code null} severities, no CWE ids) to keep the
 * built-in one.
 */
public record VulnClassRule(String name, List<Integer> cwes, Severity severity, Severity maxSeverity,
                            WeightedTerms terms) {

    public VulnClassRule {
        cwes = List.copyOf(cwes);
    }

    /** This class with what {@code other} sets replacing or adding to it. */
    public VulnClassRule overriddenBy(VulnClassRule other) {
        return new VulnClassRule(name,
                other.cwes.isEmpty() ? cwes : other.cwes,
                other.severity == null ? severity : other.severity,
                other.maxSeverity == null ? maxSeverity : other.maxSeverity,
                terms.overriddenBy(other.terms));
    }

    /** The severity estimated for a report of this class whose impact terms scored {@code impact}. */
    public Severity estimate(int impact) {
        int levels = Math.max(-2, Math.min(1, impact));
        return severity.movedBy(levels, Severity.LOW, maxSeverity);
    }
}

package org.sectriage.classify.report;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** A set of {@link Term}s whose weights add up to a score for a text; each term counts once. */
public record WeightedTerms(Map<String, Term> bySource) {

    /** The set with no terms, scoring 0 for every text. */
    public static final WeightedTerms NONE = new WeightedTerms(Map.of());

    public WeightedTerms {
        bySource = Map.copyOf(bySource);
    }

    /** The set of {@code terms}. */
    public static WeightedTerms of(Collection<Term> terms) {
        Map<String, Term> bySource = new LinkedHashMap<>();
        terms.forEach(t -> bySource.put(t.source(), t));
        return new WeightedTerms(bySource);
    }

    /** The sum of the weights of the terms found in {@code text}. */
    public int score(CharSequence text) {
        int score = 0;
        for (Term term : bySource.values()) {
            if (term.foundIn(text)) {
                score += term.weight();
            }
        }
        return score;
    }

    /** These terms with {@code other}'s added; a term of the same source takes other's weight, and weight 0 removes it. */
    public WeightedTerms overriddenBy(WeightedTerms other) {
        Map<String, Term> merged = new LinkedHashMap<>(bySource);
        merged.putAll(other.bySource);
        merged.values().removeIf(t -> t.weight() == 0);
        return new WeightedTerms(merged);
    }
}

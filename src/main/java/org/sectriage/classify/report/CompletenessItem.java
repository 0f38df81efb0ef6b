package org.sectriage.classify.report;

/**
 * One thing a good report contains, such as reproduction steps, with the terms that show it is there.
 * A concrete item (a version, steps, a code location) is evidence that the reporter looked at the
 * project itself; a report with none of them is low-evidence. {@code concrete} is null when an extra
 * rules file leaves it as it was.
 */
public record CompletenessItem(String name, Boolean concrete, WeightedTerms terms) {

    /** True for items whose presence is evidence of a real finding. */
    public boolean isConcrete() {
        return Boolean.TRUE.equals(concrete);
    }

    /** This item with what {@code other} sets replacing or adding to it. */
    public CompletenessItem overriddenBy(CompletenessItem other) {
        return new CompletenessItem(name, other.concrete == null ? concrete : other.concrete,
                terms.overriddenBy(other.terms));
    }
}

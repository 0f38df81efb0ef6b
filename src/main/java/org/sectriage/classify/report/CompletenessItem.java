package org.sectriage.classify.report;

/**
 * One thing a good report contains, such as reproduction steps, with the terms that show it is there.
 * A concrete item (a version, steps, a code location) is evidence that the reporter looked at the
 * project itself; a report with none of them is low-evidence. {@code concrete} is null when an extra
 * rules file leaves it as it was.
 *
 * @param ask how the acknowledgement asks a reporter for the item, e.g. "the affected versions", or null
 *            when an extra rules file leaves it as it was (the item's name is used when there is none)
 */
public record CompletenessItem(String name, Boolean concrete, String ask, WeightedTerms terms) {

    /** True for items whose presence is evidence of a real finding. */
    public boolean isConcrete() {
        return Boolean.TRUE.equals(concrete);
    }

    /** This item with what {@code other} sets replacing or adding to it. */
    public CompletenessItem overriddenBy(CompletenessItem other) {
        return new CompletenessItem(name, other.concrete == null ? concrete : other.concrete,
                other.ask == null ? ask : other.ask, terms.overriddenBy(other.terms));
    }

    /** How the acknowledgement asks for this item. */
    public String question() {
        return ask == null ? name.replace('-', ' ') : ask;
    }
}

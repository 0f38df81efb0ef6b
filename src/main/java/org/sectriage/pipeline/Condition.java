package org.sectriage.pipeline;

import java.util.function.Predicate;

/** A test on an envelope that decides whether a step applies, named so the pipeline reads as prose. */
public record Condition(String name, Predicate<Envelope> test) {

    public static final Condition ALWAYS = new Condition("always", e -> true);

    public Condition and(Condition other) {
        return new Condition(name + " and " + other.name, test.and(other.test));
    }

    public Condition or(Condition other) {
        return new Condition("(" + name + ") or (" + other.name + ")", test.or(other.test));
    }

    public Condition negate() {
        return new Condition("not " + name, test.negate());
    }

    public boolean matches(Envelope e) {
        return test.test(e);
    }
}

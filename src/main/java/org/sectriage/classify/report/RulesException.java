package org.sectriage.classify.report;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a rules file cannot be used; carries every mistake found in it, each with file and line. */
public final class RulesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<RuleError> errors;

    /** An exception for {@code errors}, which must not be empty. */
    public RulesException(List<RuleError> errors) {
        super(errors.stream().map(RuleError::toString).collect(Collectors.joining("\n")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a RulesException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** The mistakes, in the order they were found; never empty. */
    public List<RuleError> errors() {
        return errors;
    }
}

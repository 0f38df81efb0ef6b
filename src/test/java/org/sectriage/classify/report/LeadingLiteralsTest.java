package org.sectriage.classify.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which literal texts begin every match of a pattern, and when that is not told. */
class LeadingLiteralsTest {

    @Test
    void eachAlternativeGivesTheLiteralItBeginsWithAfterWordBoundaries() {
        assertThat(LeadingLiterals.of("\\bpickle\\.loads?\\b|\\bObjectInputStream\\b|\\byaml\\.load\\s*\\("))
                .contains(java.util.List.of("pickle.load", "ObjectInputStream", "yaml.load"));
    }

    @Test
    void aGroupAtTheStartGivesTheLiteralsOfItsAlternatives() {
        assertThat(LeadingLiterals.of("\\b(?:shell_exec|subprocess\\.\\w+|popen)\\s*\\("))
                .contains(java.util.List.of("shell_exec", "subprocess.", "popen"));
    }

    @Test
    void aGroupThatMustOccurAtLeastOnceGivesItsLiterals() {
        assertThat(LeadingLiterals.of("(?:%2e%2e(?:%2f|/)){2,}")).contains(java.util.List.of("%2e%2e"));
        assertThat(LeadingLiterals.of("(?:\\.\\./)+x")).contains(java.util.List.of("../"));
        assertThat(LeadingLiterals.of("(?:\\.\\./){0,3}x")).isEmpty();
    }

    @Test
    void anEscapedCharacterStandsForItself() {
        assertThat(LeadingLiterals.of("\\$\\{jndi:|\\.\\./\\.\\./|169\\.254\\.169\\.254"))
                .contains(java.util.List.of("${jndi:", "../../", "169.254.169.254"));
        assertThat(LeadingLiterals.of("\\.\\.\\\\")).contains(java.util.List.of("..\\"));
    }

    @Test
    void theCharacterBeforeAnOptionalQuantifierIsLeftOut() {
        assertThat(LeadingLiterals.of("\\bcrashes?\\b")).contains(java.util.List.of("crashe"));
        assertThat(LeadingLiterals.of("colou?r")).contains(java.util.List.of("colo"));
        assertThat(LeadingLiterals.of("\\.git\\.?x")).contains(java.util.List.of(".git"));
    }

    @Test
    void nothingIsToldWhenAnyAlternativeBeginsWithoutALiteralOfTwoCharacters() {
        assertThat(LeadingLiterals.of("\\bx\\w+")).isEmpty();
        assertThat(LeadingLiterals.of("pickle|\\w+\\.load")).isEmpty();
        assertThat(LeadingLiterals.of("(?:pickle)?yaml")).isEmpty();
        assertThat(LeadingLiterals.of("(?i)pickle")).isEmpty();
        assertThat(LeadingLiterals.of("[a-z]+ injection")).isEmpty();
        assertThat(LeadingLiterals.of("(?=pickle)pickles")).isEmpty();
    }
}

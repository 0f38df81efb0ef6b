package org.sectriage.classify.report;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One weighted piece of evidence in the rules: a phrase matched as whole words, or a regular expression,
 * both case-insensitive. {@code source} is how the rules file wrote it and names it when rules are merged;
 * {@code words} are the word runs of a phrase's words, case-folded, which a text must all contain as
 * words (empty for a pattern); {@code starts} are texts, case-folded, one of which begins each match
 * (a phrase's first word, a pattern's {@link LeadingLiterals}; empty when that cannot be told).
 */
public record Term(String source, Pattern pattern, int weight, List<String> words, List<String> starts) {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** A phrase term: its words, in order, separated by any whitespace, not inside longer words. */
    public static Term phrase(String phrase, int weight) {
        String[] words = phrase.strip().split("\\s+");
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}_])");
        for (int i = 0; i < words.length; i++) {
            regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
        }
        regex.append("(?![\\p{L}\\p{N}_])");
        List<String> folded = java.util.Arrays.stream(words).map(SearchText::fold)
                .flatMap(w -> SearchText.wordRuns(w).stream()).distinct().toList();
        return new Term("phrase " + phrase, Pattern.compile(regex.toString(), FLAGS), weight, folded,
                List.of(SearchText.fold(words[0])));
    }

    /**
     * A regular-expression term.
     *
     * @throws java.util.regex.PatternSyntaxException if {@code regex} is not a valid Java regular expression
     */
    public static Term pattern(String regex, int weight) {
        return new Term("pattern " + regex, Pattern.compile(regex, FLAGS | Pattern.MULTILINE), weight, List.of(),
                LeadingLiterals.of(regex).map(l -> l.stream().map(SearchText::fold).toList()).orElse(List.of()));
    }

    /**
     * True when the term occurs anywhere in {@code text}. In a {@link SearchText}, a phrase one of
     * whose words is absent is known not to occur without its pattern being run, and one whose words
     * are all there is tried only where its first word stands, rather than at every character; so is a
     * pattern whose matches begin with one of a few literal texts.
     */
    public boolean foundIn(CharSequence text) {
        if (text instanceof SearchText search && !starts.isEmpty()) {
            return search.mayContainAll(words) && search.matchesWhere(starts, pattern);
        }
        return pattern.matcher(text).find();
    }
}

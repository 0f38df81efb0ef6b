package org.sectriage.classify.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The literal texts one of which begins every match of a regular expression, read off its source: for
 * {@code \bpickle\.loads?\b|\bObjectInputStream\b} they are {@code pickle} and {@code ObjectInputStream}.
 * A text can then be searched for those with {@link String#indexOf}, and the expression tried only where
 * one stands, rather than at every character. Only simple shapes are read (alternatives that begin,
 * after {@code \b} or {@code ^}, with two or more plain or escaped characters, or with a group of such
 * alternatives); for any
 * other the answer is empty and the expression is run over the whole text, as before.
 */
final class LeadingLiterals {

    /** Fewer characters than this find so many places that the search would gain nothing. */
    private static final int SHORTEST = 2;

    private LeadingLiterals() {
    }

    /** The literals one of which begins every match of {@code regex}, or empty when that cannot be told. */
    static Optional<List<String>> of(String regex) {
        if (regex.contains("[[") || regex.contains("&&[")) {
            return Optional.empty(); // nested character classes: not read
        }
        List<String> out = new ArrayList<>();
        for (String alternative : alternatives(regex)) {
            if (alternative == null || !leading(alternative, out)) {
                return Optional.empty();
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(out));
    }

    private static boolean leading(String alternative, List<String> out) {
        int i = 0;
        while (alternative.startsWith("\\b", i) || alternative.startsWith("^", i)) {
            i += alternative.startsWith("^", i) ? 1 : 2;
        }
        if (alternative.startsWith("(", i)) {
            boolean plainGroup = alternative.startsWith("(?:", i) || !alternative.startsWith("(?", i);
            int close = closingParenthesis(alternative, i);
            if (!plainGroup || close < 0 || mayBeAbsent(alternative, close + 1)) {
                return false;
            }
            String inner = alternative.substring(alternative.startsWith("(?:", i) ? i + 3 : i + 1, close);
            Optional<List<String>> literals = of(inner);
            literals.ifPresent(out::addAll);
            return literals.isPresent();
        }
        StringBuilder literal = new StringBuilder();
        int end = i;
        while (end < alternative.length()) {
            char c = alternative.charAt(end);
            if (isPlain(c)) {
                literal.append(c);
                end++;
            } else if (c == '\\' && end + 1 < alternative.length()
                    && !Character.isLetterOrDigit(alternative.charAt(end + 1))) {
                literal.append(alternative.charAt(end + 1)); // an escaped \. \$ \( \\ stands for itself
                end += 2;
            } else {
                break;
            }
        }
        if (end < alternative.length() && "?*{".indexOf(alternative.charAt(end)) >= 0 && !literal.isEmpty()) {
            literal.setLength(literal.length() - 1); // the character before an optional quantifier may be absent
        }
        if (literal.length() < SHORTEST) {
            return false;
        }
        out.add(literal.toString());
        return true;
    }

    /**
     * True when the quantifier at {@code at}, if any, lets what it follows be absent: {@code ?}, {@code *}
     * and {@code {0,…}}; {@code +} and {@code {2,}} need it at least once.
     */
    private static boolean mayBeAbsent(String regex, int at) {
        if (at >= regex.length()) {
            return false;
        }
        char q = regex.charAt(at);
        if (q == '{') {
            int n = at + 1;
            while (n < regex.length() && Character.isDigit(regex.charAt(n))) {
                n++;
            }
            return n == at + 1 || Integer.parseInt(regex.substring(at + 1, n)) == 0;
        }
        return q == '?' || q == '*';
    }

    /** A character that stands for itself in a regular expression (outside a character class). */
    private static boolean isPlain(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ' ' || "<>-%=:/@'\",;!#&~".indexOf(c) >= 0;
    }

    /** The top-level alternatives of {@code regex}; a null element when its brackets do not close. */
    private static List<String> alternatives(String regex) {
        int[] depth = groupDepths(regex);
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < regex.length(); i++) {
            if (regex.charAt(i) == '|' && depth[i] == 0) {
                parts.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(depth[regex.length()] == 0 ? regex.substring(start) : null);
        return parts;
    }

    /** The index of the parenthesis that closes the one at {@code open}, or -1. */
    private static int closingParenthesis(String regex, int open) {
        int[] depth = groupDepths(regex);
        for (int i = open + 1; i < regex.length(); i++) {
            if (regex.charAt(i) == ')' && depth[i] == depth[open]) {
                return i;
            }
        }
        return -1;
    }

    /**
     * For each character of {@code regex}, the depth of the groups it stands in (a group's parentheses
     * stand at the depth outside it), or -1 for a character that is escaped or inside a character class
     * and so is no structure; the element after the last is the depth at the end (0 when the groups
     * close), or -1 when a character class does not close.
     */
    private static int[] groupDepths(String regex) {
        int[] depth = new int[regex.length() + 1];
        int d = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                depth[i] = -1;
                if (i + 1 < regex.length()) {
                    depth[++i] = -1;
                }
            } else if (inClass || c == '[') {
                depth[i] = -1;
                inClass = c == '[' && !inClass || inClass && c != ']';
            } else {
                d -= c == ')' ? 1 : 0;
                depth[i] = d;
                d += c == '(' ? 1 : 0;
            }
        }
        depth[regex.length()] = inClass ? -1 : d;
        return depth;
    }
}

package org.sectriage.classify.report;

/**
 * A text about to be searched for many {@link Term}s, with the set of its case-folded words made once,
 * so that a phrase one of whose words is not among them is passed over without running its regular
 * expression. A word is a run of letters, digits and underscores, as a phrase's pattern bounds its
 * words; case is folded as {@link java.util.regex.Pattern#UNICODE_CASE} compares characters (lower case
 * of upper case, per code point). So a phrase the pattern would match is never passed over: each word
 * run of each of its words stands in the text as a whole word too.
 */
final class SearchText implements CharSequence {

    private final String text;
    private java.util.Set<String> words;
    private String folded;

    SearchText(String text) {
        this.text = text;
    }

    /** True unless one of the word runs in {@code phraseWords} (case-folded) is not a word of the text. */
    boolean mayContainAll(java.util.List<String> phraseWords) {
        if (words == null) {
            words = new java.util.HashSet<>(wordRuns(folded()));
        }
        for (String w : phraseWords) {
            if (!words.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** A character of {@code [\p{L}\p{N}_]}, the class a phrase's pattern bounds its words with. */
    private static boolean isWordChar(int cp) {
        int type = Character.getType(cp);
        return Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER || cp == '_';
    }

    /**
     * True when {@code pattern} matches at one of the places where the case-folded text has one of
     * {@code starts}, the folded texts one of which begins every match of the pattern: the same answer
     * as a search of the whole text, found by {@link String#indexOf} rather than by the pattern at every
     * character. The pattern still sees the text around each place, for its look-behind and {@code \b}.
     */
    boolean matchesWhere(java.util.List<String> starts, java.util.regex.Pattern pattern) {
        String f = folded();
        java.util.regex.Matcher m = pattern.matcher(text);
        if (f.length() != text.length()) {
            return m.find(); // folding changed the length (a rare character): places would not line up
        }
        m.useTransparentBounds(true).useAnchoringBounds(false);
        for (String start : starts) {
            for (int at = f.indexOf(start); at >= 0; at = f.indexOf(start, at + 1)) {
                if (m.region(at, text.length()).lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    private String folded() {
        if (folded == null) {
            folded = fold(text);
        }
        return folded;
    }

    /** The runs of letters, digits and underscores in {@code s}, in order. */
    static java.util.List<String> wordRuns(String s) {
        java.util.List<String> runs = new java.util.ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean wordChar = isWordChar(cp);
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                runs.add(s.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            runs.add(s.substring(start));
        }
        return runs;
    }

    /** {@code s} with each code point folded as a case-insensitive Unicode pattern compares it. */
    static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return out.toString();
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}

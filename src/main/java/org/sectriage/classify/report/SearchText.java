package org.sectriage.classify.report;

/**
 * A text about to be searched for many {@link Term}s, with its case-folded form made once, so that a
 * phrase whose words do not all occur in it is passed over without running its regular expression.
 * Case is folded as {@link java.util.regex.Pattern#UNICODE_CASE} compares characters (lower case of
 * upper case, per code point), so a phrase the pattern would match is never passed over.
 */
final class SearchText implements CharSequence {

    private final String text;
    private String folded;

    SearchText(String text) {
        this.text = text;
    }

    /** True unless one of the (folded) {@code words} is absent from the folded text. */
    boolean mayContainAll(java.util.List<String> words) {
        if (folded == null) {
            folded = fold(text);
        }
        for (String w : words) {
            if (!folded.contains(w)) {
                return false;
            }
        }
        return true;
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

package org.sectriage.classify.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the identifiers a report names in its text: CWE ids and version numbers, each once, in order. */
final class TextMentions {

    private static final Pattern CWE = Pattern.compile("(?i)\\bCWE[-\\s]?(\\d{1,4})\\b");

    private TextMentions() {
    }

    /** The CWE ids named in {@code text}, e.g. 918 for "CWE-918". */
    static List<Integer> cwes(CharSequence text) {
        Set<Integer> ids = new LinkedHashSet<>();
        Matcher m = CWE.matcher(text);
        while (m.find()) {
            ids.add(Integer.parseInt(m.group(1)));
        }
        return new ArrayList<>(ids);
    }

    /** The versions named in {@code text}: group 1 of every match of {@code patterns}. */
    static List<String> versions(CharSequence text, List<Pattern> patterns) {
        Set<String> versions = new LinkedHashSet<>();
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                if (m.group(1) != null) {
                    versions.add(m.group(1));
                }
            }
        }
        return new ArrayList<>(versions);
    }
}

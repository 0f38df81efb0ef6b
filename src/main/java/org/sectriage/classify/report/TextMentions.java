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
    /** Source files, with their directories: group 1. */
    private static final Pattern SOURCE_FILE = Pattern.compile("(?i)(?<![\\w/.-])((?:[\\w.-]+/)*[\\w-]+\\."
            + "(?:c|cc|cpp|h|hpp|java|kt|go|rs|py|rb|js|jsx|ts|tsx|vue|php|cs|swift|scala|sh|ya?ml|xml|html?|erb|jsp"
            + "|tmpl|conf|json|toml))(?![\\w.])");
    /** HTTP endpoints, after a method or in a URL: group 1 is the path. */
    private static final Pattern ENDPOINT = Pattern.compile(
            "(?i)(?:\\b(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\\s+|https?://[^\\s/]+)(/[\\w/{}.-]*[\\w}])");

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

    /**
     * The code locations named in {@code text}: source files with their paths and HTTP endpoints, in
     * lower case, each once; a file named with and without a directory counts once, by its full path.
     */
    static List<String> locations(CharSequence text) {
        Set<String> found = new LinkedHashSet<>();
        for (Pattern pattern : List.of(SOURCE_FILE, ENDPOINT)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                found.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return new ArrayList<>(found);
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

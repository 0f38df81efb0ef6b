package org.sectriage.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Message-IDs read tolerantly from Message-ID, In-Reply-To and References, each in the form
 * {@code <left@right>}: bracketed ids are taken as they are, and when a value has no brackets at all
 * its words that contain an {@code @} are; anything else is skipped.
 */
final class MessageIds {

    /**
     * The longest id kept, without its brackets: a reply repeats it as {@code In-Reply-To: <id>} on one header
     * line, which RFC 5322 limits to 998 characters (an id cannot be folded), and a server may refuse a longer one.
     */
    static final int MAX_LENGTH = 998 - "In-Reply-To: <>".length();

    private MessageIds() {
    }

    /** The ids in a header value, in order, each once. */
    static List<String> all(String value) {
        if (value == null) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String candidate : candidates(value)) {
            String id = candidate.replaceAll("\\s+", "");
            if (isPlausible(id)) {
                ids.add("<" + id + ">");
            }
        }
        return List.copyOf(ids);
    }

    private static List<String> candidates(String value) {
        List<String> found = new ArrayList<>();
        int open = value.indexOf('<');
        if (open < 0) {
            for (String word : value.split("[\\s,]+")) {
                if (word.indexOf('@') > 0) {
                    found.add(word);
                }
            }
            return found;
        }
        while (open >= 0) {
            int close = value.indexOf('>', open + 1);
            if (close < 0) {
                break;
            }
            found.add(value.substring(open + 1, close));
            open = value.indexOf('<', close + 1);
        }
        return found;
    }

    private static boolean isPlausible(String id) {
        if (id.isEmpty() || id.length() > MAX_LENGTH || id.indexOf('<') >= 0) {
            return false;
        }
        return id.chars().noneMatch(c -> c < 0x21 || c == 0x7f);
    }
}

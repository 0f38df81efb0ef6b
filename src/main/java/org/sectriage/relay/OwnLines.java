package org.sectriage.relay;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lines of a reply that its writer wrote, top- or bottom-posted or between quotes: not quoted text, not an
 * attribution or the header block of a quoted mail, nothing from the mail quoted below it, and not a signature
 * after its "-- " line. The relay takes the maintainer's words from them; the reporter's credit line is read
 * from them too, so that a credit line quoted from someone else is not the reporter's.
 */
public final class OwnLines {

    private OwnLines() {
    }

    /** The writer's own lines of {@code body}, one after the other. */
    public static String of(String body) {
        if (body == null) {
            return "";
        }
        List<String> lines = List.of(body.split("\\R", -1));
        StringBuilder own = new StringBuilder();
        for (int i : in(lines)) {
            own.append(lines.get(i)).append('\n');
        }
        return own.toString();
    }

    /** The positions in {@code lines} of the writer's own lines, in order. */
    static List<Integer> in(List<String> lines) {
        List<Integer> own = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (QuoteMarkers.isQuoted(line)) {
                i++;
                continue;
            }
            if (QuoteMarkers.startsOriginalMessage(lines, i)) {
                break;
            }
            Optional<QuoteMarkers.Attribution> attribution = QuoteMarkers.attributionAt(lines, i);
            if (attribution.isPresent()) {
                if (!attribution.get().quoteMarked()) {
                    break;
                }
                i += attribution.get().length();
                continue;
            }
            if (QuoteMarkers.isSignatureDelimiter(line)) {
                i = endOfSignature(lines, i + 1);
                continue;
            }
            own.add(i);
            i++;
        }
        return own;
    }

    /** The first line after a signature that starts at {@code from}: where a quote or attribution begins. */
    private static int endOfSignature(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && !QuoteMarkers.isQuoted(lines.get(i))
                && !QuoteMarkers.startsOriginalMessage(lines, i) && QuoteMarkers.attributionAt(lines, i).isEmpty()) {
            i++;
        }
        return i;
    }
}

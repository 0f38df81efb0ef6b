package org.sectriage.relay;

import java.util.List;

/**
 * The part of a maintainer's reply that may reach the reporter. A reply with commands below its top,
 * where commands do not count, relays nothing: one of them may be {@code #internal}. The caller should
 * tell the maintainer which lines to move.
 *
 * @param text               the maintainer's own words: no commands, quotes, attributions or signature;
 *                           empty when nothing is to be relayed
 * @param strayCommandLines  line numbers (from 1) of known {@code #command} lines found below the top
 * @param commandsAtTop      whether the reply began with command lines, so that a reply with no text of
 *                           its own is the maintainer's intent, not a text the relay lost
 */
public record RelayedReply(String text, List<Integer> strayCommandLines, boolean commandsAtTop) {

    public RelayedReply {
        strayCommandLines = List.copyOf(strayCommandLines);
    }

    /** True when nothing is left to relay. */
    public boolean isEmpty() {
        return text.isBlank();
    }
}

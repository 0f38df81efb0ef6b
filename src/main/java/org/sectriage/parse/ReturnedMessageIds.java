package org.sectriage.parse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The Message-ID of a message that a delivery report returns, read off the header block at the start
 * of its {@code message/rfc822} or {@code text/rfc822-headers} part: which of our mails did not arrive.
 */
final class ReturnedMessageIds {

    /**
     * The MIME types of the parts in which a delivery report returns a message or its header; the last, not in any
     * RFC, is what some servers label the returned header with.
     */
    static final java.util.Set<String> PART_TYPES = java.util.Set.of("message/rfc822", "message/global",
            "text/rfc822-headers", "message/global-headers", "message/rfc822-headers");
    /** The MIME types of the machine-readable part of a delivery report (RFC 3464, RFC 6533). */
    static final java.util.Set<String> STATUS_TYPES = java.util.Set.of("message/delivery-status",
            "message/global-delivery-status");
    /** The MIME types of the machine-readable part of a read receipt (RFC 8098, RFC 6533), which returns nothing. */
    static final java.util.Set<String> DISPOSITION_TYPES = java.util.Set.of("message/disposition-notification",
            "message/global-disposition-notification");
    /** How much of such a part is read for its header block. */
    static final int HEAD_BYTES = 64 * 1024;

    private ReturnedMessageIds() {
    }

    /** The Message-IDs of the Message-ID field in the header block {@code head} begins with; empty if none. */
    static List<String> in(byte[] head, int length) {
        String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
        StringBuilder field = null;
        for (String line : text.split("\r?\n", -1)) {
            boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (field != null && continuation) {
                field.append(line);
                continue;
            }
            if (field != null) {
                return MessageIds.all(field.substring("message-id:".length()));
            }
            if (line.isBlank()) {
                return List.of();
            }
            if (line.toLowerCase(Locale.ROOT).startsWith("message-id:")) {
                field = new StringBuilder(line);
            }
        }
        return field == null ? List.of() : MessageIds.all(field.substring("message-id:".length()));
    }

    /** A Message-ID field on a line of its own, as in a header block copied into text (quoted or indented, too). */
    private static final java.util.regex.Pattern COPIED_MESSAGE_ID =
            java.util.regex.Pattern.compile("(?im)^[ \\t>]*Message-ID:[ \\t]*(<[^<>\\s]{1,995}>)[ \\t]*$");

    /**
     * The Message-IDs of the header blocks copied into {@code text}, at most ten: what a delivery report without MIME
     * parts returns (qmail's "--- Below this line is a copy of the message."), in the order of the text.
     */
    static List<String> copiedIn(String text) {
        List<String> ids = new java.util.ArrayList<>();
        java.util.regex.Matcher m = COPIED_MESSAGE_ID.matcher(text);
        while (m.find() && ids.size() < 10) {
            ids.add(m.group(1));
        }
        return List.copyOf(ids);
    }

    /**
     * Whether the delivery-status fields {@code status} begins with report a recipient for whom delivery failed
     * ({@code Action: failed}), as opposed to one still being tried ({@code delayed}) or done ({@code delivered},
     * {@code relayed}, {@code expanded}).
     */
    static boolean reportsFailure(byte[] status, int length) {
        String text = new String(status, 0, length, StandardCharsets.ISO_8859_1);
        for (String line : text.split("\r?\n", -1)) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("action:") && lower.substring("action:".length()).strip().startsWith("failed")) {
                return true;
            }
        }
        return false;
    }
}

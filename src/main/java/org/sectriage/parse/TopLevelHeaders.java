package org.sectriage.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.field.DateTimeFieldLenientImpl;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.RawField;
import org.sectriage.domain.EmailAddress;

/**
 * The header of a message as its fields stream by, and what sectriage reads out of it: every field
 * kept decoded and on one line for the {@link HeaderSet}, and the fields with a structure (addresses,
 * Message-IDs, date) read from their undecoded values.
 */
final class TopLevelHeaders {

    private final Map<String, List<String>> decoded = new LinkedHashMap<>();
    private final Map<String, String> firstUndecoded = new LinkedHashMap<>();

    /** Keeps one field of the message's header. */
    void add(Field field) {
        String name = field.getNameLowerCase();
        String body = field.getBody() == null ? "" : field.getBody();
        String value = ControlCharacters.singleLine(DecoderUtil.decodeEncodedWords(body, DecodeMonitor.SILENT));
        decoded.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        firstUndecoded.putIfAbsent(name, body);
    }

    HeaderSet headerSet() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        decoded.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return new HeaderSet(copy);
    }

    /** The Message-ID in angle brackets, or null when it is missing or unreadable. */
    String messageId(ParseProblems problems) {
        String value = firstUndecoded.get("message-id");
        if (value == null) {
            problems.missingHeader("Message-ID");
            return null;
        }
        List<String> ids = MessageIds.all(value);
        if (ids.isEmpty()) {
            problems.unparseableHeader("Message-ID");
            return null;
        }
        return ids.get(0);
    }

    /** The Message-IDs of In-Reply-To or References, in angle brackets. */
    List<String> messageIds(String name) {
        return MessageIds.all(firstUndecoded.get(name));
    }

    /** The first mailbox of From, or null when it is missing or unreadable. */
    EmailAddress from(ParseProblems problems) {
        String value = firstUndecoded.get("from");
        if (value == null) {
            problems.missingHeader("From");
            return null;
        }
        List<EmailAddress> mailboxes = Addresses.read(value).mailboxes();
        if (mailboxes.isEmpty()) {
            problems.unparseableHeader("From");
            return null;
        }
        return mailboxes.get(0);
    }

    /** The mailboxes of an address-list header such as To; entries that are not mailboxes are skipped and noted. */
    List<EmailAddress> addresses(String name, String displayName, ParseProblems problems) {
        Addresses.Read read = Addresses.read(firstUndecoded.get(name));
        if (read.skipped() > 0) {
            problems.unparseableAddress(displayName);
        }
        return read.mailboxes();
    }

    /** The decoded Subject on one line, empty when there is none. */
    String subject() {
        List<String> values = decoded.get("subject");
        return values == null ? "" : values.get(0);
    }

    /** The Date, read leniently; null when missing or unreadable. */
    Instant date() {
        String value = firstUndecoded.get("date");
        if (value == null) {
            return null;
        }
        String normalized = value.strip().replaceAll("\\s+", " ");
        Date date = DateTimeFieldLenientImpl.PARSER.parse(new RawField("Date", normalized), DecodeMonitor.SILENT).getDate();
        return date == null ? null : date.toInstant();
    }

    /** The declared Content-Type of the message. */
    ContentTypeValue contentType() {
        return ContentTypeValue.parse(firstUndecoded.get("content-type"));
    }
}

package org.sectriage.parse;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sectriage.domain.EmailAddress;

/** Header fields of a message by lower-case name, each with all its values in order. */
public record HeaderSet(Map<String, List<String>> fields) {

    public HeaderSet {
        fields = Map.copyOf(fields);
    }

    /** The first value of the named header, if present. */
    public Optional<String> first(String name) {
        List<String> values = fields.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> all(String name) {
        return fields.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /**
     * The mailboxes in the first value of the named header, read as From or Reply-To are; empty when it is absent
     * or holds none. For address headers beyond those the message's own fields hold (X-Original-From).
     */
    public List<EmailAddress> mailboxes(String name) {
        return first(name).map(value -> Addresses.read(value).mailboxes()).orElse(List.of());
    }

    public boolean has(String name) {
        return fields.containsKey(name.toLowerCase(Locale.ROOT));
    }
}

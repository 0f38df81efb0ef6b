package org.sectriage.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.util.ByteSequence;
import org.apache.james.mime4j.util.ContentUtil;
import org.sectriage.domain.EmailAddress;

/**
 * Mailboxes read from an address header (From, To, Cc, Reply-To) with Mime4J's lenient parser:
 * groups are flattened, display names decoded, and anything that is not a mailbox with a domain is
 * skipped.
 */
final class Addresses {

    private Addresses() {
    }

    /** The mailboxes in the value; what could not be read is skipped and counted in {@link Read#skipped()}. */
    static Read read(String value) {
        if (value == null || value.isBlank()) {
            return new Read(List.of(), 0);
        }
        // as UTF-8 bytes, with a cursor over all of them: Mime4J's parseAddressList(CharSequence) ends its cursor at
        // the character count, which cuts an address written in UTF-8 (RFC 6532) short by its multi-byte characters
        ByteSequence bytes = ContentUtil.encode(StandardCharsets.UTF_8, value);
        AddressList parsed = LenientAddressParser.DEFAULT.parseAddressList(bytes, new ParserCursor(0, bytes.length()));
        List<EmailAddress> mailboxes = new ArrayList<>();
        int skipped = parsed.isEmpty() ? 1 : 0;
        for (Address address : parsed) {
            List<Mailbox> members = address instanceof Group group ? group.getMailboxes() : List.of((Mailbox) address);
            for (Mailbox mailbox : members) {
                EmailAddress read = toEmailAddress(mailbox);
                if (read == null) {
                    skipped++;
                } else {
                    mailboxes.add(read);
                }
            }
        }
        return new Read(List.copyOf(mailboxes), skipped);
    }

    private static EmailAddress toEmailAddress(Mailbox mailbox) {
        String local = mailbox.getLocalPart();
        String domain = mailbox.getDomain();
        if (local == null || local.isEmpty() || domain == null || domain.isEmpty()) {
            return null;
        }
        String address = local + "@" + domain;
        boolean clean = address.chars().noneMatch(c -> c <= ' ' || (c >= 0x7f && c <= 0x9f) || c == '<' || c == '>');
        if (!clean || domain.indexOf('@') >= 0) {
            return null;
        }
        String name = mailbox.getName() == null ? null : ControlCharacters.singleLine(mailbox.getName());
        return new EmailAddress(address, name);
    }

    /** The mailboxes read from one header value, and how many entries in it were not mailboxes. */
    record Read(List<EmailAddress> mailboxes, int skipped) {
    }
}

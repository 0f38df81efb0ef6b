package org.sectriage.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * A mailbox address with an optional display name; two addresses are the same mailbox when their
 * {@link #normalized()} forms are equal.
 */
public record EmailAddress(String address, String displayName) {

    public EmailAddress {
        Objects.requireNonNull(address, "address");
        address = address.strip();
        if (address.isEmpty()) {
            throw new IllegalArgumentException("empty mail address");
        }
        displayName = displayName == null || displayName.isBlank() ? null : displayName.strip();
    }

    public static EmailAddress of(String address) {
        return new EmailAddress(address, null);
    }

    /** The address in lower case, the form used to compare participants and rate-limit senders. */
    public String normalized() {
        return address.toLowerCase(Locale.ROOT);
    }

    /** The domain part after the last '@', in lower case, or an empty string. */
    public String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    public boolean sameMailbox(EmailAddress other) {
        return other != null && normalized().equals(other.normalized());
    }

    @Override
    public String toString() {
        return displayName == null ? address : displayName + " <" + address + ">";
    }
}

package org.sectriage.outbox;

/**
 * A recipient the server refused while it took the mail for the others, with its answer, e.g. {@code
 * "550 5.1.1 <ghost@researcher.example>: Recipient address rejected: User unknown"}. A temporary refusal
 * (a 4xx answer such as greylisting's 450, or 552, which RFC 5321 says to treat as 452 at RCPT) is tried
 * again later for that recipient alone; a permanent one (5xx) is not.
 */
public record Refusal(String address, String answer, boolean temporary) {

    /** The recipient with the server's answer, e.g. "bob@example.org (550 no such user)". */
    @Override
    public String toString() {
        return address + " (" + answer + ")";
    }
}

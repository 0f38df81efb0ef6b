package org.sectriage.crypto;

/**
 * A public key the sender offered in their mail for themselves.
 *
 * @param fingerprint the key's fingerprint, in hex
 * @param armored     the public key, ASCII-armored
 * @param source      where in the mail it was: {@code autocrypt}, {@code attached key} or {@code key in the text}
 */
public record OfferedKey(String fingerprint, String armored, String source) {

    /** The source of a key offered in an Autocrypt header. */
    static final String AUTOCRYPT = "autocrypt";

    /** Whether the key came in an Autocrypt header: outside what any signature of the message covers. */
    boolean inAHeader() {
        return AUTOCRYPT.equals(source);
    }
}

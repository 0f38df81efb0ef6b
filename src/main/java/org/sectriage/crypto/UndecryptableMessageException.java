package org.sectriage.crypto;

import java.util.List;

import org.bouncycastle.bcpg.KeyIdentifier;

/** An OpenPGP message that could not or must not be decrypted, with the reason and the recipients it names. */
public class UndecryptableMessageException extends Exception {

    private final DecryptionFailure reason;
    private final transient List<KeyIdentifier> recipients;

    /** Creates the exception for {@code reason}, explained by {@code detail}. */
    public UndecryptableMessageException(DecryptionFailure reason, String detail, List<KeyIdentifier> recipients) {
        super(reason + ": " + detail);
        this.reason = reason;
        this.recipients = List.copyOf(recipients);
    }

    /** Creates the exception for {@code reason}, caused by {@code cause}. */
    public UndecryptableMessageException(DecryptionFailure reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
        this.recipients = List.of();
    }

    /** The reason decryption failed. */
    public DecryptionFailure reason() {
        return reason;
    }

    /** The key identifiers the message was encrypted to, as far as they were read before the failure. */
    public List<KeyIdentifier> recipients() {
        return recipients;
    }
}

package org.sectriage.crypto;

import java.util.List;
import java.util.stream.Collectors;

import org.bouncycastle.bcpg.KeyIdentifier;

/** An OpenPGP message encrypted only to keys that are not among the configured secret keys. */
public class NoMatchingKeyException extends UndecryptableMessageException {

    /** Creates the exception naming the recipients of the message, none of which we hold. */
    public NoMatchingKeyException(List<KeyIdentifier> recipients) {
        super(DecryptionFailure.NO_MATCHING_KEY,
                "message is encrypted to " + describe(recipients) + ", none of which is a configured secret key",
                recipients);
    }

    private static String describe(List<KeyIdentifier> recipients) {
        if (recipients.isEmpty()) {
            return "no public key (password-only encryption)";
        }
        return recipients.stream().map(KeyIds::hex).collect(Collectors.joining(", ", "[", "]"));
    }
}

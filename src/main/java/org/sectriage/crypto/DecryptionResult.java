package org.sectriage.crypto;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of decrypting one inbound message.
 *
 * @param status whether the message was encrypted, and whether decryption succeeded
 * @param content the decrypted MIME entity (PGP/MIME) or the message with its encrypted parts replaced by their
 *     plaintext (inline PGP, encrypted attachments); empty unless {@link Status#DECRYPTED}
 * @param failure why decryption failed; null unless {@link Status#FAILED}
 * @param detail a sentence explaining the failure, fit to show the reporter; empty unless failed
 * @param recipients the fingerprints or key ids the message was encrypted to, as GnuPG prints them
 * @param signatures the signatures that came inside the encryption (gpg's sign-and-encrypt in one), with what they
 *     cover; {@link EmbeddedSignatures#NONE} for others
 * @param problems one sentence per inline block left as it was in a decrypted message because it could not, or
 *     must not, be decrypted; empty unless {@link Status#DECRYPTED}
 */
public record DecryptionResult(Status status, byte[] content, DecryptionFailure failure, String detail,
        List<String> recipients, EmbeddedSignatures signatures, List<String> problems) {

    /** Whether a message was encrypted, and whether it was decrypted. */
    public enum Status {
        /** The message holds no OpenPGP-encrypted content. */
        NOT_ENCRYPTED,
        /**
         * Every encrypted part was decrypted and passed its integrity check, but for inline blocks that could not,
         * or must not, be decrypted beside one that was: those are left as they were, named in the problems.
         */
        DECRYPTED,
        /** An encrypted part could not, or must not, be decrypted, nor could any of its inline blocks. */
        FAILED
    }

    /** Checks the fields agree with the status. */
    public DecryptionResult {
        Objects.requireNonNull(status, "status");
        content = content == null ? new byte[0] : content;
        detail = detail == null ? "" : detail;
        recipients = List.copyOf(recipients);
        signatures = signatures == null ? EmbeddedSignatures.NONE : signatures;
        problems = List.copyOf(problems);
        if ((status == Status.FAILED) != (failure != null)) {
            throw new IllegalArgumentException("failure must be set exactly when status is FAILED");
        }
    }

    /** The result for a message without encrypted content. */
    public static DecryptionResult notEncrypted() {
        return new DecryptionResult(Status.NOT_ENCRYPTED, null, null, null, List.of(), EmbeddedSignatures.NONE, List.of());
    }

    /** The result for a message whose encrypted content decrypted to {@code content}. */
    public static DecryptionResult decrypted(byte[] content) {
        return decrypted(content, EmbeddedSignatures.NONE, List.of());
    }

    /**
     * The result for a message that decrypted to {@code content}, signed inside by {@code signatures}, with the
     * {@code problems} of the inline blocks left as they were.
     */
    public static DecryptionResult decrypted(byte[] content, EmbeddedSignatures signatures, List<String> problems) {
        return new DecryptionResult(Status.DECRYPTED, content, null, null, List.of(), signatures, problems);
    }

    /** The result for a message that failed to decrypt with {@code e}. */
    public static DecryptionResult failed(UndecryptableMessageException e) {
        return new DecryptionResult(Status.FAILED, null, e.reason(), e.getMessage(),
                e.recipients().stream().map(KeyIds::hex).toList(), EmbeddedSignatures.NONE, List.of());
    }
}

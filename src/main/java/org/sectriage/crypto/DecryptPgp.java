package org.sectriage.crypto;

import java.io.InputStream;
import java.util.List;
import org.sectriage.parse.MimeParser;
import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.RunInTransaction;
import org.sectriage.pipeline.Step;

/**
 * Decrypts an OpenPGP-encrypted message (PGP/MIME, inline blocks, encrypted attachments) and has the
 * rest of the pipeline work on what its sender wrote: the outer headers with the decrypted content.
 * What cannot or must not be decrypted (no matching key, tampered, no integrity protection, an obsolete
 * cipher, a compression bomb, too slow) is recorded with the reason; the case is still opened and the
 * raw message kept. The plaintext is never stored: it lives in the envelope, in memory, while the
 * message is processed.
 *
 * <p>Ahead of the message's transaction, on the pool's threads, a message is decrypted to at most
 * {@value #AHEAD_MAX_PLAINTEXT} bytes of plaintext, so that several decrypted at once cannot fill the
 * heap; one whose compressed content grows past that is decrypted again in its transaction, within the
 * configured limit.
 */
public final class DecryptPgp implements Step {

    /** The most plaintext a block may give when it is decrypted ahead of the transaction. */
    static final long AHEAD_MAX_PLAINTEXT = 2L * 1024 * 1024;

    private final MessageDecryptor decryptor;
    private final MessageDecryptor aheadDecryptor;
    private final MimeParser parser;
    private final List<String> ourFingerprints;

    /**
     * @param decryptor       the configured keys' decryptor; null when none is configured, so that encrypted
     *                        mail is recorded as unreadable
     * @param ourFingerprints the fingerprints of the configured keys, to tell a reporter which key to use
     */
    public DecryptPgp(MessageDecryptor decryptor, MimeParser parser, List<String> ourFingerprints) {
        this.decryptor = decryptor;
        this.aheadDecryptor = decryptor == null ? null : decryptor.withPlaintextAtMost(AHEAD_MAX_PLAINTEXT);
        this.parser = parser;
        this.ourFingerprints = List.copyOf(ourFingerprints);
    }

    @Override
    public void apply(Envelope env) throws Exception {
        byte[] raw;
        try (InputStream in = env.openRaw()) {
            raw = in.readAllBytes();
        }
        if (!OpenPgpContent.mayBeEncrypted(raw)) {
            return;
        }
        if (decryptor == null) {
            env.setDecryptionFailure("this security address has no decryption key configured");
            env.note("encrypted, not decrypted: no key configured");
            return;
        }
        DecryptionResult result = (env.isAhead() ? aheadDecryptor : decryptor).decrypt(raw);
        if (env.isAhead() && result.failure() == DecryptionFailure.COMPRESSION_BOMB) {
            throw new RunInTransaction("its compressed content grows past what is decrypted ahead");
        }
        switch (result.status()) {
            case NOT_ENCRYPTED -> {
            }
            case DECRYPTED -> {
                boolean pgpMime = "multipart/encrypted".equals(env.parsed().mimeType());
                byte[] readable = pgpMime ? OuterHeaders.around(raw, result.content()) : result.content();
                if (pgpMime && OuterHeaders.protectsSubject(result.content())) {
                    env.setPublicSubject(env.parsed().subject());
                }
                env.setDecrypted(readable);
                env.setEmbeddedSignatures(result.signatures());
                env.setParsed(parser.parse(new java.io.ByteArrayInputStream(readable), readable.length)
                        .withProblems(result.problems()));
                env.note("decrypted");
            }
            case FAILED -> {
                String why = result.failure().explanation();
                if (result.failure() == DecryptionFailure.NO_MATCHING_KEY && !result.recipients().isEmpty()) {
                    why = "it was encrypted to key " + String.join(", ", result.recipients())
                            + ", which is none of our keys (" + String.join(", ", ourFingerprints) + ")";
                } else if (result.failure() == DecryptionFailure.NO_MATCHING_KEY) {
                    // no key at all among its recipients: gpg --symmetric, readable only with the passphrase
                    why = "it was encrypted with a passphrase, not to our key; we read only mail encrypted to our"
                            + " key, so please do not send us the passphrase";
                }
                env.setDecryptionFailure(why);
                env.note("encrypted, not decrypted: " + result.failure().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }
}

package org.sectriage.crypto;

import jakarta.mail.MessagingException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.sectriage.parse.ParsedMessage;
import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.Step;

/**
 * Recognises a message encrypted with S/MIME ({@code application/pkcs7-mime} holding enveloped data, as the
 * "Encrypt" buttons of Outlook and Apple Mail send it), which sectriage cannot read: it is recorded as a message
 * that could not be decrypted, so that its sender is answered with our OpenPGP key, like a reporter who used
 * another key, instead of being asked for details the encrypted report may well hold.
 */
public final class DetectSmimeEncryption implements Step {

    /** Why such a message could not be read, as the reporter is told. */
    static final String REASON = "it is encrypted with S/MIME, and we read only OpenPGP";
    /** How deep in the MIME tree an encrypted body is looked for (a list footer wraps it once). */
    private static final int MAX_DEPTH = 4;
    private static final Set<String> PKCS7_MIME = Set.of("application/pkcs7-mime", "application/x-pkcs7-mime");

    @Override
    public void apply(Envelope env) throws Exception {
        if (env.decryptionFailure().isPresent() || env.decrypted().isPresent() || !hasPkcs7Part(env.parsed())) {
            return;
        }
        byte[] raw;
        try (InputStream in = env.openRaw()) {
            raw = in.readAllBytes();
        }
        try {
            if (holdsEnvelopedData(RawMimeEntity.ofMessage(raw), 0)) {
                env.setDecryptionFailure(REASON);
                env.note("encrypted with S/MIME, not read");
            }
        } catch (MessagingException | RuntimeException unreadable) {
            // a structure the parser already reported as broken; nothing to say about its encryption
        }
    }

    private static boolean isType(RawMimeEntity entity, String type) {
        try {
            return entity.isMimeType(type);
        } catch (MessagingException e) {
            return false;
        }
    }

    /** Whether the message, or one of its parts, is of a type S/MIME encryption uses: only those are read again. */
    private static boolean hasPkcs7Part(ParsedMessage m) {
        return PKCS7_MIME.contains(m.mimeType())
                || m.attachments().stream().anyMatch(a -> PKCS7_MIME.contains(a.mimeType()));
    }

    /** Whether the body of {@code entity}, its first part down each level, is S/MIME enveloped data. */
    private static boolean holdsEnvelopedData(RawMimeEntity entity, int depth) throws MessagingException {
        if (PKCS7_MIME.stream().anyMatch(type -> isType(entity, type))) {
            String type = entity.contentType().getParameter("smime-type");
            // without smime-type, a .p7m is enveloped data far more often than opaque signed data
            return type == null || type.equalsIgnoreCase("enveloped-data")
                    || type.equalsIgnoreCase("authEnveloped-data");
        }
        if (depth < MAX_DEPTH && entity.isMimeType("multipart/*")) {
            // the body is the first part of each level (a list footer comes after it); an S/MIME file attached
            // beside a readable report leaves the report readable
            List<RawMimeEntity> parts = entity.parts();
            return !parts.isEmpty() && holdsEnvelopedData(parts.get(0), depth + 1);
        }
        return false;
    }
}

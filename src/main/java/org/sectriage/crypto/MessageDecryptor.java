package org.sectriage.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Decrypts an inbound RFC 5322 message: PGP/MIME (RFC 3156 multipart/encrypted), inline armored blocks in text
 * or HTML parts, and attachments encrypted one by one (report.pdf.gpg, .pgp, .asc). An inline block that cannot be
 * decrypted beside one that can is left as it was and named in the result's problems.
 */
public final class MessageDecryptor {

    private static final Session SESSION = Session.getInstance(new Properties());

    private final SecretKeySet keys;
    private final OpenPgpPayloadDecryptor payloads;
    private final DecryptionLimits limits;
    private final Clock clock;

    /** A decryptor using {@code keys}, within {@code limits}, timed by {@code clock}. */
    public MessageDecryptor(SecretKeySet keys, DecryptionLimits limits, Clock clock) {
        this.keys = keys;
        this.payloads = new OpenPgpPayloadDecryptor(keys);
        this.limits = limits;
        this.clock = clock;
    }

    /** This decryptor with at most {@code maxPlaintextBytes} of plaintext per message, and never more than its own limit. */
    public MessageDecryptor withPlaintextAtMost(long maxPlaintextBytes) {
        return new MessageDecryptor(keys, new DecryptionLimits(Math.min(maxPlaintextBytes, limits.maxPlaintextBytes()),
                limits.timeLimit()), clock);
    }

    /** The decryption result for the message read from {@code rawMessage}. */
    public DecryptionResult decrypt(InputStream rawMessage) throws IOException {
        return decrypt(rawMessage.readAllBytes());
    }

    /** The decryption result for the raw message {@code rawMessage}. */
    public DecryptionResult decrypt(byte[] rawMessage) {
        // one reader for every encrypted part: the size limit is the whole message's, as the time limit is
        BoundedReader plaintext = new BoundedReader(limits.maxPlaintextBytes(), Deadline.after(clock, limits.timeLimit()));
        try {
            byte[] encrypted = pgpMimePayload(RawMimeEntity.ofMessage(rawMessage));
            if (encrypted != null) {
                return wholeEntity(payloads.decryptPayload(encrypted, plaintext));
            }
            MimeMessage message = new MessageIdPreservingMimeMessage(SESSION, new ByteArrayInputStream(rawMessage));
            if (isPgpMimeEncrypted(message)) {
                return wholeEntity(decryptPgpMimePayload(message, plaintext));
            }
            InlineBlockDecryptor inlineBlocks = new InlineBlockDecryptor(payloads, plaintext);
            // before the rewrite, which replaces the parts' content
            boolean textOnly = isTextOnly(message);
            if (!rewriteEncryptedParts(message, plaintext, inlineBlocks)) {
                return inlineBlocks.firstFailure().map(DecryptionResult::failed)
                        .orElseGet(DecryptionResult::notEncrypted);
            }
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream(rawMessage.length);
            message.writeTo(out);
            return DecryptionResult.decrypted(out.toByteArray(), inlineBlocks.signatures(textOnly),
                    inlineBlocks.problems());
        } catch (UndecryptableMessageException e) {
            return DecryptionResult.failed(e);
        } catch (MessagingException | IOException | RuntimeException e) {
            return DecryptionResult.failed(new UndecryptableMessageException(DecryptionFailure.CORRUPT_DATA,
                    "the message structure could not be read: " + e.getMessage(), e));
        }
    }

    /**
     * The encrypted payload of {@code message} when the whole message is PGP/MIME, as most encrypted reports are,
     * read from its bytes without Jakarta Mail; null for any other message, which takes the general path. A part
     * declared 8bit or binary takes that path too, as it may hold bytes that line-ending repair would change.
     */
    private static byte[] pgpMimePayload(RawMimeEntity message)
            throws MessagingException, IOException, UndecryptableMessageException {
        if (!message.isMimeType("multipart/encrypted")
                || !"application/pgp-encrypted".equalsIgnoreCase(message.contentType().getParameter("protocol"))) {
            return null;
        }
        List<RawMimeEntity> parts = message.parts();
        if (parts.size() < 2) {
            throw new UndecryptableMessageException(DecryptionFailure.CORRUPT_DATA,
                    "multipart/encrypted has " + parts.size() + " parts, RFC 3156 requires two", List.of());
        }
        String encoding = parts.get(1).header("Content-Transfer-Encoding");
        if (encoding != null && (encoding.equalsIgnoreCase("8bit") || encoding.equalsIgnoreCase("binary"))) {
            return null;
        }
        return parts.get(1).decodedBody();
    }

    private static boolean isPgpMimeEncrypted(Part part) throws MessagingException {
        if (!part.isMimeType("multipart/encrypted")) {
            return false;
        }
        String protocol = new ContentType(part.getContentType()).getParameter("protocol");
        return protocol != null && protocol.equalsIgnoreCase("application/pgp-encrypted");
    }

    /** The result for a message that is one PGP/MIME entity: what signatures came inside cover all of it. */
    private static DecryptionResult wholeEntity(OpenPgpPayloadDecryptor.Payload payload) {
        EmbeddedSignatures signatures = payload.signatures().isEmpty() ? EmbeddedSignatures.NONE
                : new EmbeddedSignatures(payload.literal(), payload.signatures(), true);
        return DecryptionResult.decrypted(payload.literal(), signatures, List.of());
    }

    /**
     * Whether {@code message} is all text: one text part, or alternatives that are each one, so that an inline block
     * which is all of each is all the message says.
     */
    private static boolean isTextOnly(Part message) throws MessagingException, IOException {
        if (isBodyText(message)) {
            return true;
        }
        if (!message.isMimeType("multipart/alternative") || !(message.getContent() instanceof Multipart alternatives)) {
            return false;
        }
        for (int i = 0; i < alternatives.getCount(); i++) {
            if (!isBodyText(alternatives.getBodyPart(i))) {
                return false;
            }
        }
        return alternatives.getCount() > 0;
    }

    private static boolean isBodyText(Part part) throws MessagingException {
        return (part.isMimeType("text/plain") || part.isMimeType("text/html")) && !isAttachment(part);
    }

    private byte[] decryptPgpMime(Part part, BoundedReader plaintext)
            throws MessagingException, IOException, UndecryptableMessageException {
        return decryptPgpMimePayload(part, plaintext).literal();
    }

    private OpenPgpPayloadDecryptor.Payload decryptPgpMimePayload(Part part, BoundedReader plaintext)
            throws MessagingException, IOException, UndecryptableMessageException {
        Multipart multipart = (Multipart) part.getContent();
        if (multipart.getCount() < 2) {
            throw new UndecryptableMessageException(DecryptionFailure.CORRUPT_DATA,
                    "multipart/encrypted has " + multipart.getCount() + " parts, RFC 3156 requires two", List.of());
        }
        byte[] encrypted;
        try (InputStream in = multipart.getBodyPart(1).getInputStream()) {
            encrypted = in.readAllBytes();
        }
        return payloads.decryptPayload(encrypted, plaintext);
    }

    /**
     * Replaces every encrypted attachment or part under {@code part} by its plaintext, and every inline block that
     * {@code inlineBlocks} can decrypt; true if anything was decrypted.
     */
    private boolean rewriteEncryptedParts(Part part, BoundedReader plaintext, InlineBlockDecryptor inlineBlocks)
            throws MessagingException, IOException, UndecryptableMessageException {
        if (isPgpMimeEncrypted(part)) {
            byte[] inner = decryptPgpMime(part, plaintext);
            replaceWithEntity(part, inner);
            return true;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            boolean changed = false;
            for (int i = 0; i < multipart.getCount(); i++) {
                changed |= rewriteEncryptedParts(multipart.getBodyPart(i), plaintext, inlineBlocks);
            }
            if (changed) {
                part.setContent(multipart);
            }
            return changed;
        }
        if (isEncryptedAttachment(part)) {
            byte[] clear = payloads.decrypt(readBytes(part), plaintext);
            String name = EncryptedFileNames.plaintextName(part.getFileName());
            String type = EncryptedFileNames.plaintextType(name, clear);
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(clear, type)));
            part.setHeader("Content-Type", type);
            if (name != null) {
                part.setFileName(name);
            }
            if (part instanceof MimePart mime) {
                mime.setHeader("Content-Transfer-Encoding", "base64");
            }
            return true;
        }
        if (isBodyText(part)) {
            inlineBlocks.countTextPart();
            return rewriteInlineText(part, inlineBlocks);
        }
        return false;
    }

    private static boolean rewriteInlineText(Part part, InlineBlockDecryptor inlineBlocks)
            throws MessagingException, IOException, UndecryptableMessageException {
        Object content = part.getContent();
        if (!(content instanceof String text) || !ArmoredMessageBlocks.containsMessage(text)) {
            return false;
        }
        boolean html = part.isMimeType("text/html");
        Optional<InlineBlockDecryptor.Decrypted> decrypted = inlineBlocks.decrypt(text, html);
        if (decrypted.isEmpty()) {
            return false;
        }
        if (decrypted.get().entity().isPresent()) {
            // a mail with attachments as Mailvelope encrypts it inline: the part becomes the entity, as with PGP/MIME;
            // the part's own transfer encoding was that of the armor, not of the entity
            part.removeHeader("Content-Transfer-Encoding");
            replaceWithEntity(part, decrypted.get().entity().get());
        } else if (part instanceof MimePart mime) {
            mime.setText(decrypted.get().text(), "UTF-8", html ? "html" : "plain");
        } else {
            part.setText(decrypted.get().text());
        }
        return true;
    }

    private static void replaceWithEntity(Part part, byte[] entity) throws MessagingException {
        MimeMessage inner = new MimeMessage(SESSION, new ByteArrayInputStream(entity));
        part.setDataHandler(inner.getDataHandler());
        part.setHeader("Content-Type", inner.getContentType());
    }

    private static boolean isAttachment(Part part) throws MessagingException {
        return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
    }

    private static boolean isEncryptedAttachment(Part part) throws MessagingException, IOException {
        if (part.isMimeType("application/pgp-signature") || part.isMimeType("application/pgp-keys")) {
            return false;
        }
        String name = part.getFileName();
        boolean named = name != null && EncryptedFileNames.looksEncrypted(name);
        boolean typed = part.isMimeType("application/pgp-encrypted") || part.isMimeType("application/pgp");
        if (!named && !typed) {
            return false;
        }
        byte[] head = readHead(part);
        return new String(head, StandardCharsets.US_ASCII).contains(ArmoredMessageBlocks.BEGIN)
                || OpenPgpPacketSniffer.startsWithEncryptedMessage(head);
    }

    private static byte[] readHead(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readNBytes(4096);
        }
    }

    private static byte[] readBytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** A parsed message whose Message-ID survives {@link MimeMessage#saveChanges()}. */
    private static final class MessageIdPreservingMimeMessage extends MimeMessage {

        MessageIdPreservingMimeMessage(Session session, InputStream in) throws MessagingException {
            super(session, in);
        }

        @Override
        protected void updateMessageID() {
            // keep the original Message-ID: threading depends on it
        }
    }
}

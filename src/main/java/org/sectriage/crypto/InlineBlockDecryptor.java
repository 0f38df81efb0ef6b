package org.sectriage.crypto;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sectriage.parse.TextDecoder;

/**
 * Decrypts the inline armored blocks of one message's text parts, block by block: each block that can be
 * decrypted is replaced by its plaintext, and one that cannot or must not be (encrypted to another key, only
 * signed, damaged, without integrity protection) is left as it was and named in the message's problems. A limit
 * of the whole message (its time, the size of all its plaintext) still fails the whole message: a message over
 * the limit of the decryption ahead of the transaction is decrypted again in it. The plaintext is read in the charset
 * the armor's "Charset:" header names, else as UTF-8 when it is valid UTF-8, else as windows-1252, as mail
 * readers read text parts.
 */
final class InlineBlockDecryptor {

    private final OpenPgpPayloadDecryptor payloads;
    private final BoundedReader plaintextReader;
    private final List<UndecryptableMessageException> failures = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    /** Each block's armor, with its plaintext and signatures or why it could not be decrypted. */
    private final java.util.Map<String, Object> outcomes = new java.util.HashMap<>();
    private int blocksRead;
    /** The first block, not quoted, signed inside its encryption, and its armor. */
    private OpenPgpPayloadDecryptor.Payload signed;
    private String signedArmor;
    /** The message's body text parts, and of them those that are the signed block and nothing else. */
    private int textParts;
    private int partsOnlySigned;

    /** A decryptor of one message's blocks with {@code payloads}, reading their plaintext with {@code plaintext}. */
    InlineBlockDecryptor(OpenPgpPayloadDecryptor payloads, BoundedReader plaintext) {
        this.payloads = payloads;
        this.plaintextReader = plaintext;
    }

    /**
     * What a text part decrypts to: its {@code text} with the blocks replaced, and, when the part is one block and
     * nothing else whose plaintext is a MIME entity (see {@link MimeEntityPlaintext}), that entity's bytes.
     */
    record Decrypted(String text, Optional<byte[]> entity) {
    }

    /**
     * {@code text} (HTML markup when {@code html}) with each armored block that could be decrypted replaced by its
     * plaintext and the others left as they were; empty when none of its blocks could be decrypted.
     *
     * @throws UndecryptableMessageException when a block exceeds a limit of the whole message
     */
    Optional<Decrypted> decrypt(String text, boolean html) throws UndecryptableMessageException {
        StringBuilder replaced = new StringBuilder();
        boolean anyDecrypted = false;
        int position = 0;
        List<ArmoredMessageBlocks.Block> blocks = ArmoredMessageBlocks.find(text, html);
        boolean oneBlock = blocks.size() == 1 && nothingElse(text, blocks.get(0), html);
        for (ArmoredMessageBlocks.Block block : blocks) {
            // a damaged block fails before its decryption looks at the clock: many of them must not outlast it
            plaintextReader.checkDeadline();
            replaced.append(text, position, block.start());
            position = block.end();
            // each block is decrypted once per message: the same one in another part (the HTML alternative of a
            // text part, as webmail and browser extensions send it) costs no second private-key operation, and one
            // that could not be decrypted is named once in the problems
            Object known = outcomes.get(block.armor());
            if (known instanceof UndecryptableMessageException) {
                replaced.append(text, block.start(), block.end());
                continue;
            }
            OpenPgpPayloadDecryptor.Payload payload;
            if (known instanceof OpenPgpPayloadDecryptor.Payload decryptedBefore) {
                payload = decryptedBefore;
            } else {
                blocksRead++;
                try {
                    payload = payloads.decryptPayload(block.armor().getBytes(StandardCharsets.US_ASCII),
                            plaintextReader);
                    outcomes.put(block.armor(), payload);
                } catch (UndecryptableMessageException e) {
                    outcomes.put(block.armor(), e);
                    leftAsItWas(e, block);
                    replaced.append(text, block.start(), block.end());
                    continue;
                }
            }
            // a quoted block's signature is an earlier mail's, which anyone could quote again
            if (signed == null && !block.quoted() && !payload.signatures().isEmpty()) {
                signed = payload;
                signedArmor = block.armor();
            }
            if (oneBlock && block.armor().equals(signedArmor)) {
                partsOnlySigned++;
            }
            byte[] plaintext = payload.literal();
            if (oneBlock && MimeEntityPlaintext.is(plaintext)) {
                return Optional.of(new Decrypted(text, Optional.of(plaintext)));
            }
            String clear = TextDecoder.decode(plaintext, block.charset());
            if (!block.quotePrefix().isEmpty()) {
                // the first line's quote marks stand before the block already
                clear = clear.strip().replace("\r\n", "\n").replace("\n", "\n" + block.quotePrefix());
            }
            replaced.append(html ? "<pre>" + HtmlEntities.escape(clear) + "</pre>" : clear);
            anyDecrypted = true;
        }
        replaced.append(text.substring(position));
        return anyDecrypted ? Optional.of(new Decrypted(replaced.toString(), Optional.empty())) : Optional.empty();
    }

    /**
     * Whether {@code text} holds nothing but {@code block}: blank space around it, and markup when {@code html}; a
     * "<" that starts no tag (before a space or a line break, say) is text, as a reader and the body text show it.
     */
    private static boolean nothingElse(String text, ArmoredMessageBlocks.Block block, boolean html) {
        String outside = text.substring(0, block.start()) + " " + text.substring(block.end());
        if (html) {
            outside = outside.replaceAll("<[A-Za-z/!?][^>]*>", " ").replaceAll("(?i)&nbsp;|&#160;", " ");
        }
        return outside.isBlank();
    }

    /** Counts one body text part of the message, whether it holds a block or not. */
    void countTextPart() {
        textParts++;
    }

    /**
     * The signatures that came inside the first block signed inside its encryption, over its plaintext; whole when
     * the message is {@code textOnly} (see {@link MessageDecryptor}) and each of its text parts is that block and
     * nothing else, so that no unsigned text, commands for one, stands beside it.
     */
    EmbeddedSignatures signatures(boolean textOnly) {
        if (signed == null) {
            return EmbeddedSignatures.NONE;
        }
        return new EmbeddedSignatures(signed.literal(), signed.signatures(), textOnly && partsOnlySigned == textParts);
    }

    /** One sentence per block left as it was, in the order of the message. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Why the first block left as it was could not be decrypted, of those that make a message one we could not
     * read; empty when every block was decrypted, or was quoted from an earlier mail, or was only signed: a plain
     * reply that quotes an encrypted mail, or a report signed and not encrypted, is not an encrypted message.
     */
    Optional<UndecryptableMessageException> firstFailure() {
        return failures.stream().findFirst();
    }

    private void leftAsItWas(UndecryptableMessageException e, ArmoredMessageBlocks.Block block)
            throws UndecryptableMessageException {
        if (e.reason() == DecryptionFailure.TIME_LIMIT_EXCEEDED || e.reason() == DecryptionFailure.COMPRESSION_BOMB) {
            throw e;
        }
        if (!block.quoted() && e.reason() != DecryptionFailure.NOT_ENCRYPTED) {
            failures.add(e);
        }
        String recipients = e.reason() == DecryptionFailure.NO_MATCHING_KEY && !e.recipients().isEmpty()
                ? " (encrypted to key " + String.join(", ", e.recipients().stream().map(KeyIds::hex).toList()) + ")"
                : "";
        problems.add("OpenPGP block " + blocksRead + " left as it was, not decrypted: " + e.reason().explanation()
                + recipients);
    }
}

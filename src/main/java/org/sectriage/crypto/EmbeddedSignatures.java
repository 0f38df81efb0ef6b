package org.sectriage.crypto;

import java.util.List;

/**
 * The signature packets that came inside the encryption of a message (sign-and-encrypt in one: gpg's
 * {@code --sign --encrypt}, Thunderbird's and mutt's PGP/MIME, Mailvelope's inline blocks), encoded, with the
 * data they sign.
 *
 * @param signedData the plaintext the signatures cover: the decrypted MIME entity of a PGP/MIME message, or the
 *     plaintext of an inline block
 * @param packets the signature packets, encoded; empty when the message was not signed inside its encryption
 * @param wholeMessage whether the signed data is all the message says: a PGP/MIME message, or one whose text is one
 *     inline block and nothing else; false for a signed block among unsigned text, which could have been added
 */
public record EmbeddedSignatures(byte[] signedData, List<byte[]> packets, boolean wholeMessage) {

    /** No signatures inside the encryption. */
    public static final EmbeddedSignatures NONE = new EmbeddedSignatures(new byte[0], List.of(), false);

    /** Copies the packets. */
    public EmbeddedSignatures {
        signedData = signedData.clone();
        packets = List.copyOf(packets);
    }

    /** Whether there are no signatures. */
    public boolean isEmpty() {
        return packets.isEmpty();
    }

    /** The signed data, a copy. */
    @Override
    public byte[] signedData() {
        return signedData.clone();
    }
}

package org.sectriage.crypto;

/** Recognises binary OpenPGP encrypted messages by their first packet header. */
final class OpenPgpPacketSniffer {

    private static final int PUBLIC_KEY_ENCRYPTED_SESSION_KEY = 1;
    private static final int SYMMETRIC_KEY_ENCRYPTED_SESSION_KEY = 3;
    private static final int MARKER = 10;

    private OpenPgpPacketSniffer() {
    }

    /** Whether {@code head} starts with a session key packet (or a marker), as an encrypted message does. */
    static boolean startsWithEncryptedMessage(byte[] head) {
        if (head.length == 0 || (head[0] & 0x80) == 0) {
            return false;
        }
        int first = head[0] & 0xff;
        int tag = (first & 0x40) != 0 ? first & 0x3f : (first >> 2) & 0x0f;
        return tag == PUBLIC_KEY_ENCRYPTED_SESSION_KEY || tag == SYMMETRIC_KEY_ENCRYPTED_SESSION_KEY || tag == MARKER;
    }
}

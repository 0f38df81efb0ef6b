package org.sectriage.crypto;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.bouncycastle.openpgp.PGPKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.sectriage.domain.EmailAddress;
import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the public keys the sender offers in their mail, for {@link LearnReporterKey} to learn: a key in
 * an Autocrypt header whose {@code addr} is the sender, or an attached key (application/pgp-keys, or a key
 * block in the text) with a user id naming the sender. Keys for other addresses are not offered: a message
 * cannot plant a key for someone else. It reads the message alone, so it runs ahead of the transaction.
 */
public final class FindOfferedKeys implements Step {

    private static final Logger LOG = LoggerFactory.getLogger(FindOfferedKeys.class);
    private static final Session SESSION = Session.getInstance(new Properties());
    /** A key larger than this is not one a reporter attached to be written to. */
    private static final int MAX_KEY_BYTES = 256 * 1024;
    private static final int MAX_PARTS = 200;

    @Override
    public void apply(Envelope env) throws Exception {
        EmailAddress sender = env.parsed().from();
        if (sender == null) {
            return;
        }
        byte[] readable = env.decrypted().orElse(null);
        if (readable == null) {
            try (InputStream in = env.openRaw()) {
                readable = in.readNBytes(8 * 1024 * 1024);
            }
        }
        if (!mayOfferAKey(readable)) {
            return;
        }
        List<Candidate> found = new ArrayList<>();
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(readable));
            autocrypt(message, sender).ifPresent(found::add);
            attachedKeys(message, found, new int[] {0});
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            LOG.debug("no key learned from message {}: {}", env.inbound().id(), unreadable.toString());
        }
        List<OfferedKey> offered = new ArrayList<>();
        for (Candidate candidate : found) {
            try {
                for (PGPKeyRing ring : KeyFiles.parseKeyRings(candidate.bytes())) {
                    PGPPublicKeyRing pub = KeyFiles.publicPart(ring);
                    if (candidate.autocrypt() || namesAddress(pub, sender)) {
                        offered.add(new OfferedKey(KeyIds.fingerprint(pub.getPublicKey()), KeyFiles.armor(pub),
                                candidate.source()));
                    }
                }
            } catch (InvalidKeyFileException notAKey) {
                LOG.debug("message {}: {} holds no usable key: {}", env.inbound().id(), candidate.source(),
                        notAKey.getMessage());
            }
        }
        env.setOfferedKeys(offered);
    }

    /**
     * Words of which a message that offers a key has one, as it travels (case aside): an Autocrypt header,
     * a part of type application/pgp-keys, a key block in readable text, or text that could hide the block:
     * in a transfer encoding (base64, quoted-printable, uuencode), or in a charset that does not write
     * ASCII as ASCII (UTF-16, UTF-32, UCS-2 and -4, EBCDIC).
     */
    private static final List<String> SIGNS_OF_A_KEY = List.of("autocrypt", "pgp-keys",
            "-----begin pgp public key block-----", "base64", "quoted-printable", "uue", "utf-16", "utf16",
            "utf-32", "utf32", "ucs-2", "ucs2", "ucs-4", "ucs4", "ebcdic", "ibm", "cp037", "cp273", "cp500",
            "cp1047");

    /** False when {@code message} cannot hold a key it offers, so that it need not be parsed for one. */
    static boolean mayOfferAKey(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return SIGNS_OF_A_KEY.stream().anyMatch(text::contains);
    }

    private record Candidate(byte[] bytes, String source, boolean autocrypt) {
    }

    /** The key of an Autocrypt header (RFC-style attributes; keydata is base64 of the binary key) for the sender. */
    private static java.util.Optional<Candidate> autocrypt(MimeMessage message, EmailAddress sender)
            throws MessagingException {
        String[] values = message.getHeader("Autocrypt");
        if (values == null) {
            return java.util.Optional.empty();
        }
        for (String value : values) {
            String addr = null;
            String keydata = null;
            for (String attribute : value.split(";")) {
                int eq = attribute.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String name = attribute.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String content = attribute.substring(eq + 1).strip();
                if (name.equals("addr")) {
                    addr = content;
                } else if (name.equals("keydata")) {
                    keydata = content.replaceAll("\\s+", "");
                }
            }
            if (addr != null && keydata != null && addr.equalsIgnoreCase(sender.address())) {
                try {
                    byte[] key = Base64.getDecoder().decode(keydata);
                    if (key.length <= MAX_KEY_BYTES) {
                        return java.util.Optional.of(new Candidate(key, OfferedKey.AUTOCRYPT, true));
                    }
                } catch (IllegalArgumentException notBase64) {
                    // an unreadable header teaches nothing
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static void attachedKeys(Part part, List<Candidate> found, int[] seen)
            throws MessagingException, IOException {
        if (++seen[0] > MAX_PARTS) {
            return;
        }
        if (part.isMimeType("application/pgp-keys")) {
            try (InputStream in = part.getInputStream()) {
                byte[] key = in.readNBytes(MAX_KEY_BYTES + 1);
                if (key.length <= MAX_KEY_BYTES) {
                    found.add(new Candidate(key, "attached key", false));
                }
            }
        } else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                attachedKeys(child, found, seen);
            }
        } else if (part.isMimeType("text/plain") && part.getContent() instanceof String text
                && text.contains("-----BEGIN PGP PUBLIC KEY BLOCK-----")) {
            int start = text.indexOf("-----BEGIN PGP PUBLIC KEY BLOCK-----");
            int end = text.indexOf("-----END PGP PUBLIC KEY BLOCK-----", start);
            if (end > start) {
                byte[] key = text.substring(start, end + "-----END PGP PUBLIC KEY BLOCK-----".length())
                        .getBytes(StandardCharsets.US_ASCII);
                if (key.length <= MAX_KEY_BYTES) {
                    found.add(new Candidate(key, "key in the text", false));
                }
            }
        }
    }

    private static boolean namesAddress(PGPPublicKeyRing ring, EmailAddress address) {
        Iterator<String> ids = ring.getPublicKey().getUserIDs();
        while (ids.hasNext()) {
            String id = ids.next().toLowerCase(Locale.ROOT);
            if (id.contains("<" + address.normalized() + ">") || id.equals(address.normalized())) {
                return true;
            }
        }
        return false;
    }
}

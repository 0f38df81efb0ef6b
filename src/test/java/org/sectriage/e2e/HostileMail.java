package org.sectriage.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.sectriage.testing.TestConfig;

/**
 * The hostile messages too large, too repetitive or too binary to keep as fixture files: made at
 * test time, each named for what it shows, like the files in {@code src/test/resources/mail/hostile/}.
 */
final class HostileMail {

    private static final String CRLF = "\r\n";
    private static final String REPORT = "Steps to reproduce: 1. open /admin 2. send the request below. Version 2.4.1."
            + CRLF + "Impact: any user can read other users' files." + CRLF;

    private HostileMail() {
    }

    private static StringBuilder header(String name, String subject, String contentType) {
        return new StringBuilder("From: Sender <").append(name).append("@hostile.example>").append(CRLF)
                .append("To: ").append(TestConfig.SECURITY).append(CRLF)
                .append("Subject: ").append(subject).append(CRLF)
                .append("Date: Tue, 3 Jun 2025 14:02:11 +0200").append(CRLF)
                .append("Message-ID: <").append(name).append("@hostile.example>").append(CRLF)
                .append("MIME-Version: 1.0").append(CRLF)
                .append("Content-Type: ").append(contentType).append(CRLF);
    }

    private static byte[] ascii(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Multiparts nested {@code depth} deep, the report at the bottom. */
    static byte[] deepMimeNesting(String name, int depth) {
        StringBuilder sb = header(name, "Nested report", "multipart/mixed; boundary=\"b0\"").append(CRLF);
        for (int i = 0; i < depth; i++) {
            sb.append("--b").append(i).append(CRLF);
            if (i + 1 < depth) {
                sb.append("Content-Type: multipart/mixed; boundary=\"b").append(i + 1).append('"').append(CRLF).append(CRLF);
            }
        }
        sb.append("Content-Type: text/plain").append(CRLF).append(CRLF).append(REPORT);
        for (int i = depth - 1; i >= 0; i--) {
            sb.append("--b").append(i).append("--").append(CRLF);
        }
        return ascii(sb);
    }

    /** {@code count} header fields after the usual ones. */
    static byte[] manyHeaderFields(String name, int count) {
        StringBuilder sb = header(name, "Many headers", "text/plain");
        for (int i = 0; i < count; i++) {
            sb.append("X-Filler-").append(i).append(": filler").append(CRLF);
        }
        return ascii(sb.append(CRLF).append(REPORT));
    }

    /** A report with a base64 attachment of {@code decoded} bytes (4/3 as many encoded). */
    static byte[] largeBase64Part(String name, int decoded) {
        StringBuilder head = header(name, "Core dump attached", "multipart/mixed; boundary=\"dump\"").append(CRLF)
                .append("--dump").append(CRLF).append("Content-Type: text/plain").append(CRLF).append(CRLF)
                .append(REPORT).append("--dump").append(CRLF)
                .append("Content-Type: application/octet-stream; name=\"core\"").append(CRLF)
                .append("Content-Transfer-Encoding: base64").append(CRLF).append(CRLF);
        byte[] line = (Base64.getEncoder().encodeToString(new byte[57]) + CRLF).getBytes(StandardCharsets.US_ASCII);
        int lines = decoded / 57;
        byte[] tail = ascii(CRLF + "--dump--" + CRLF);
        byte[] start = ascii(head);
        ByteArrayOutputStream out = new ByteArrayOutputStream(start.length + lines * line.length + tail.length);
        out.writeBytes(start);
        for (int i = 0; i < lines; i++) {
            out.write(line, 0, line.length);
        }
        out.writeBytes(tail);
        return out.toByteArray();
    }

    /** One header line of {@code length} characters: past the line limit. */
    static byte[] longHeaderLine(String name, int length) {
        StringBuilder sb = header(name, "Long header line", "text/plain");
        sb.append("X-Long: ").append("A".repeat(length)).append(CRLF);
        return ascii(sb.append(CRLF).append(REPORT));
    }

    /** A subject of {@code words} RFC 2047 encoded words, each one character, folded. */
    static byte[] manyEncodedWords(String name, int words) {
        StringBuilder subject = new StringBuilder();
        for (int i = 0; i < words; i++) {
            subject.append(i == 0 ? "" : CRLF + " ").append("=?UTF-8?B?")
                    .append(Base64.getEncoder().encodeToString(("x" + (char) ('a' + i % 26)).getBytes(StandardCharsets.UTF_8)))
                    .append("?=");
        }
        return ascii(header(name, subject.toString(), "text/plain").append(CRLF).append(REPORT));
    }

    /** {@code count} tiny attachments: past the number of attachments listed. */
    static byte[] manyAttachments(String name, int count) {
        StringBuilder sb = header(name, "Many attachments", "multipart/mixed; boundary=\"many\"").append(CRLF)
                .append("--many").append(CRLF).append("Content-Type: text/plain").append(CRLF).append(CRLF).append(REPORT);
        for (int i = 0; i < count; i++) {
            sb.append("--many").append(CRLF).append("Content-Type: application/octet-stream").append(CRLF)
                    .append("Content-Disposition: attachment; filename=\"part-").append(i).append(".bin\"").append(CRLF)
                    .append(CRLF).append("x").append(CRLF);
        }
        return ascii(sb.append("--many--").append(CRLF));
    }

    /** A report forwarded inside a forward, {@code depth} message/rfc822 parts deep. */
    static byte[] nestedForwards(String name, int depth) {
        StringBuilder sb = header(name, "Fwd: Fwd: Fwd: report", "message/rfc822").append(CRLF);
        for (int i = 1; i < depth; i++) {
            sb.append("From: hop").append(i).append("@hostile.example").append(CRLF).append("Subject: Fwd").append(CRLF)
                    .append("Content-Type: message/rfc822").append(CRLF).append(CRLF);
        }
        sb.append("From: origin@hostile.example").append(CRLF).append("Content-Type: text/plain").append(CRLF).append(CRLF)
                .append(REPORT);
        return ascii(sb);
    }

    /** A plain-text report with about a megabyte of text. */
    static byte[] megabyteOfText(String name) {
        StringBuilder sb = header(name, "Very long report", "text/plain; charset=UTF-8").append(CRLF).append(REPORT);
        String line = "the server returns the session token of another user when the request header is repeated" + CRLF;
        while (sb.length() < 1024 * 1024) {
            sb.append(line);
        }
        return ascii(sb);
    }

    /** An inline OpenPGP message: a compressed packet that inflates to {@code size} zero bytes, not encrypted. */
    static byte[] inlineCompressionBomb(String name, int size) {
        return ascii(header(name, "Encrypted report", "text/plain; charset=US-ASCII").append(CRLF)
                .append(armored(compressedZeros(size))));
    }

    /** The same compression bomb as PGP/MIME: multipart/encrypted with the packet as its second part. */
    static byte[] pgpMimeCompressionBomb(String name, int size) {
        return ascii(header(name, "Encrypted report",
                "multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"pgp\"").append(CRLF)
                .append("--pgp").append(CRLF).append("Content-Type: application/pgp-encrypted").append(CRLF).append(CRLF)
                .append("Version: 1").append(CRLF).append("--pgp").append(CRLF)
                .append("Content-Type: application/octet-stream; name=\"encrypted.asc\"").append(CRLF).append(CRLF)
                .append(armored(compressedZeros(size))).append("--pgp--").append(CRLF));
    }

    /**
     * A report encrypted with a passphrase into a symmetrically encrypted data packet without an MDC
     * (tag 9), which a decryptor must refuse since it cannot tell whether the text was changed.
     */
    static byte[] encryptedWithoutIntegrityProtection(String name) {
        try {
            SecureRandom random = new SecureRandom();
            PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(
                    new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_128).setWithIntegrityPacket(false)
                            .setSecureRandom(random));
            generator.addMethod(new BcPBEKeyEncryptionMethodGenerator("passphrase".toCharArray()));
            ByteArrayOutputStream packets = new ByteArrayOutputStream();
            try (OutputStream encrypted = generator.open(packets, new byte[1 << 12])) {
                writeLiteral(encrypted, ascii(REPORT));
            }
            return ascii(header(name, "Encrypted report", "text/plain; charset=US-ASCII").append(CRLF)
                    .append(armored(packets.toByteArray())));
        } catch (IOException | PGPException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] compressedZeros(int size) {
        try {
            ByteArrayOutputStream packets = new ByteArrayOutputStream();
            PGPCompressedDataGenerator compressor = new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZLIB);
            try (OutputStream compressed = compressor.open(packets, new byte[1 << 16]);
                 OutputStream literal = new PGPLiteralDataGenerator().open(compressed, PGPLiteralData.BINARY, "",
                         size, new Date(0))) {
                byte[] zeros = new byte[1 << 16];
                for (int written = 0; written < size; written += zeros.length) {
                    literal.write(zeros, 0, Math.min(zeros.length, size - written));
                }
            }
            return packets.toByteArray();
        } catch (IOException | PGPException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeLiteral(OutputStream target, byte[] data) throws IOException {
        try (OutputStream literal = new PGPLiteralDataGenerator().open(target, PGPLiteralData.UTF8, "", data.length,
                new Date(0))) {
            literal.write(data);
        }
    }

    private static String armored(byte[] packets) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(out)) {
                armor.write(packets);
            }
            return out.toString(StandardCharsets.US_ASCII).replace("\r\n", "\n").replace("\n", CRLF);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.sectriage.integration;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Delivers one message by LMTP (RFC 2033) straight to Dovecot, as Postfix does, for the times
 * a test has Postfix stopped. It writes the message with CRLF line ends and dot-stuffing.
 */
final class LmtpClient {

    private LmtpClient() {
    }

    static void deliver(int port, String envelopeFrom, String recipient, byte[] raw) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(ServerProcess.HOST, port), 5000);
            s.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            expect(in, "220");
            command(out, in, "LHLO client.project.example", "250");
            command(out, in, "MAIL FROM:<" + envelopeFrom + ">", "250");
            command(out, in, "RCPT TO:<" + recipient + ">", "250");
            command(out, in, "DATA", "354");
            out.write(dotStuffed(raw));
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect(in, "250"); // one reply per recipient, and there is one
            command(out, in, "QUIT", "221");
        } catch (IOException e) {
            throw new UncheckedIOException("LMTP delivery to " + recipient + " on port " + port + " failed", e);
        }
    }

    private static void command(OutputStream out, BufferedReader in, String line, String code) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, code);
    }

    /** Reads one reply, continuation lines included, and fails unless it has {@code code}. */
    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("the LMTP server closed the connection, expecting " + code);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(code)) {
            throw new IOException("LMTP server answered '" + line + "', expecting " + code);
        }
    }

    private static byte[] dotStuffed(byte[] raw) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(raw.length + 64);
        BufferedReader lines = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(raw),
                StandardCharsets.ISO_8859_1));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith(".")) {
                out.write('.');
            }
            out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }
}

package org.sectriage.testing;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/** Builds mail as a reporter's client would write it, for tests to deliver to the watched mailbox. */
public final class TestMail {

    private static final Session SESSION = Session.getInstance(new Properties());

    private String from = "reporter@researcher.example";
    private String to = TestConfig.SECURITY;
    private String subject = "Security issue";
    private String body = "Steps to reproduce: 1. open the page 2. run the script. Version 1.2.3.";
    private String messageId = "<" + UUID.randomUUID() + "@researcher.example>";
    private final Map<String, String> headers = new LinkedHashMap<>();

    public static TestMail report() {
        return new TestMail();
    }

    public TestMail from(String address) {
        this.from = address;
        return this;
    }

    public TestMail subject(String s) {
        this.subject = s;
        return this;
    }

    public TestMail body(String b) {
        this.body = b;
        return this;
    }

    public TestMail header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Makes this a reply to {@code original}: In-Reply-To and References set to its Message-ID. */
    public TestMail replyTo(MimeMessage original) {
        try {
            headers.put("In-Reply-To", original.getMessageID());
            headers.put("References", original.getMessageID());
            this.subject = "Re: " + original.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Gives the message this Message-ID (with angle brackets) instead of a fresh one. */
    public TestMail messageId(String id) {
        this.messageId = id;
        return this;
    }

    public String messageId() {
        return messageId;
    }

    public MimeMessage build() {
        try {
            MimeMessage m = new MimeMessage(SESSION) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            m.setFrom(new InternetAddress(from));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            m.setSubject(subject, "UTF-8");
            m.setSentDate(new Date());
            m.setText(body, "UTF-8");
            for (Map.Entry<String, String> h : headers.entrySet()) {
                m.setHeader(h.getKey(), h.getValue());
            }
            m.saveChanges();
            return m;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses raw bytes as a message, e.g. a fixture file. */
    public static MimeMessage parse(InputStream raw) {
        try {
            return new MimeMessage(SESSION, raw);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static MimeMessage parse(byte[] raw) {
        return parse(new ByteArrayInputStream(raw));
    }

    public static byte[] bytes(MimeMessage m) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code m} is addressed to {@code address}. */
    public static boolean isTo(MimeMessage m, String address) {
        try {
            Address[] all = m.getAllRecipients();
            return all != null && Arrays.stream(all).anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ",");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of a plain-text message, decoded; of a signed one (multipart/signed), its signed text. */
    public static String text(MimeMessage m) {
        try {
            return text(m.getContent(), m.getContentType());
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object content, String type) throws MessagingException, java.io.IOException {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof jakarta.mail.Multipart multipart && type.toLowerCase(java.util.Locale.ROOT)
                .startsWith("multipart/signed")) {
            jakarta.mail.BodyPart signed = multipart.getBodyPart(0);
            return text(signed.getContent(), signed.getContentType());
        }
        throw new IllegalStateException("not a plain-text message: " + type);
    }
}

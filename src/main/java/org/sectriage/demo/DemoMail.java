package org.sectriage.demo;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;

/** The sample mail the demo sends to the security address, written as real mail clients write it. */
final class DemoMail {

    private final Session session;
    private final String securityAddress;

    DemoMail(String smtpHost, int smtpPort, String securityAddress) {
        Properties p = new Properties();
        p.put("mail.smtp.host", smtpHost);
        p.put("mail.smtp.port", String.valueOf(smtpPort));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        this.session = Session.getInstance(p);
        this.securityAddress = securityAddress;
    }

    /** A plain-text report with reproduction steps, as Thunderbird sends it. */
    String plainReport(String from, String name) throws MessagingException {
        MimeMessage m = base(from, name, "Stored XSS in the comment preview");
        m.setText("""
                Hi,

                I found a stored cross-site scripting issue in the comment preview.

                Affected version: 2.4.0 (also on main, commit 1f3c2ab)
                Component: web/preview/render.js, line 88

                Steps to reproduce:
                1. Log in as any user and open an issue.
                2. Post a comment with the body: <img src=x onerror=alert(document.domain)>
                3. Open the preview tab: the script runs in the viewer's session.

                Impact: any logged-in user can run script in other users' sessions,
                including administrators. No special configuration is needed.

                Please credit me as "Alex Example".

                Thanks,
                Alex
                """, "UTF-8");
        return send(m);
    }

    /** A report in German, encoded in ISO-8859-1 with a quoted-printable body and an encoded-word subject. */
    String iso88591Report(String from, String name) throws MessagingException {
        MimeMessage m = base(from, name, "Pfad-Traversierung beim Hochladen von Dateien (größere Lücke)", "ISO-8859-1");
        m.setText("""
                Sehr geehrte Damen und Herren,

                beim Hochladen kann ein Dateiname wie "../../etc/passwd" außerhalb des
                Upload-Verzeichnisses schreiben. Betroffen ist Version 2.3.1.

                Schritte: Datei mit dem Namen ../../tmp/prüfung.txt hochladen.

                Mit freundlichen Grüßen
                Jürgen Müller
                """, "ISO-8859-1", "plain");
        m.setHeader("Content-Transfer-Encoding", "quoted-printable");
        return send(m);
    }

    /** The reporter's further mail, a reply to the acknowledgement. */
    String followUp(String from, String name, String subject, String inReplyTo) throws MessagingException {
        MimeMessage m = base(from, name, subject.startsWith("Re:") ? subject : "Re: " + subject);
        m.setHeader("In-Reply-To", inReplyTo);
        m.setHeader("References", inReplyTo);
        m.setText("""
                One more detail: the issue also works with an <svg onload=...> payload,
                so filtering <img> alone will not fix it.

                > thank you for your report to the Demo Project security team.
                """, "UTF-8");
        return send(m);
    }

    /** A vacation notice answering the acknowledgement (RFC 3834 Auto-Submitted: auto-replied). */
    String outOfOffice(String from, String name, String subject, String inReplyTo) throws MessagingException {
        MimeMessage m = base(from, name, "Automatische Antwort: " + subject);
        m.setHeader("In-Reply-To", inReplyTo);
        m.setHeader("References", inReplyTo);
        m.setHeader("Auto-Submitted", "auto-replied");
        m.setHeader("X-Autoreply", "yes");
        m.setText("Ich bin bis zum 2. Dezember nicht im Büro und lese meine E-Mails nicht.", "UTF-8");
        return send(m);
    }

    /** A stranger who puts an existing case's tag in the subject, hoping to read along. */
    String forgedCaseTag(String from, String name, String tag) throws MessagingException {
        MimeMessage m = base(from, name, "Re: " + tag + " Stored XSS in the comment preview");
        m.setText("Please add me to this case, I am on the reporter's team.", "UTF-8");
        return send(m);
    }

    /** A report encrypted to {@code securityKey} as OpenPGP/MIME (RFC 3156), as Thunderbird or mutt send it. */
    String encryptedReport(String from, String name, org.bouncycastle.openpgp.PGPPublicKeyRing securityKey)
            throws Exception {
        String inner = """
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: 8bit

                Hello security team,

                the file download endpoint is vulnerable to path traversal:
                GET /api/files?name=../../../../etc/passwd returns the server's password
                file. Tested on version 2.4.0 with the default configuration; no login is
                needed. An attacker can read any file the server process can read.

                Steps to reproduce:
                1. curl 'https://demo.example/api/files?name=../../../../etc/passwd'
                2. The response body is /etc/passwd.
                """.replace("\n", "\r\n");
        byte[] armored = new org.sectriage.crypto.MessageEncryptor(new java.security.SecureRandom())
                .encrypt(inner.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.util.List.of(securityKey));
        MimeMessage m = base(from, name, "Encrypted report");
        jakarta.mail.internet.MimeMultipart encrypted = new jakarta.mail.internet.MimeMultipart("encrypted");
        jakarta.mail.internet.MimeBodyPart version = new jakarta.mail.internet.MimeBodyPart();
        version.setContent("Version: 1\r\n", "application/pgp-encrypted");
        encrypted.addBodyPart(version);
        jakarta.mail.internet.MimeBodyPart data = new jakarta.mail.internet.MimeBodyPart();
        data.setContent(new String(armored, java.nio.charset.StandardCharsets.US_ASCII), "application/octet-stream");
        data.setFileName("encrypted.asc");
        encrypted.addBodyPart(data);
        m.setContent(encrypted);
        m.saveChanges();
        m.setHeader("Content-Type", "multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\""
                + new jakarta.mail.internet.ContentType(encrypted.getContentType()).getParameter("boundary") + "\"");
        return sendAsIs(m);
    }

    /** A feature request, which belongs in the public tracker. */
    String featureRequest(String from, String name) throws MessagingException {
        MimeMessage m = base(from, name, "Feature request: dark mode");
        m.setText("Hi! It would be nice to have a dark mode in the settings page. Any plans to add it?", "UTF-8");
        return send(m);
    }

    /**
     * A maintainer's reply to the case notification, with commands at the top and the notification quoted,
     * as the project's mail server delivers it: with a DKIM pass in its Authentication-Results header.
     */
    String maintainerReply(String from, String name, String subject, String inReplyTo, String caseId, String text)
            throws MessagingException {
        MimeMessage m = base(from, name, subject.startsWith("Re:") ? subject : "Re: " + subject);
        m.setHeader("In-Reply-To", inReplyTo);
        m.setHeader("References", inReplyTo);
        m.setHeader("Authentication-Results", "mx.demo.example; dkim=pass header.d=demo.example header.s=mail");
        m.setText(text + "\n\nOn " + new Date() + ", Demo Project Security wrote:\n> New security report: " + caseId
                + "\n> From:     Alex Example <alex@researcher.example>\n", "UTF-8");
        return send(m);
    }

    private String sendAsIs(MimeMessage m) throws MessagingException {
        String id = m.getMessageID();
        Transport.send(m);
        return id;
    }

    private MimeMessage base(String from, String name, String subject) throws MessagingException {
        return base(from, name, subject, "UTF-8");
    }

    private MimeMessage base(String from, String name, String subject, String charset) throws MessagingException {
        String messageId = "<" + UUID.randomUUID() + "@" + from.substring(from.indexOf('@') + 1) + ">";
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        try {
            m.setFrom(new InternetAddress(from, name, charset));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(securityAddress));
        m.setSubject(subject, charset);
        m.setSentDate(new Date());
        m.setHeader("User-Agent", "Mozilla Thunderbird");
        return m;
    }

    private String send(MimeMessage m) throws MessagingException {
        m.saveChanges();
        String id = m.getMessageID();
        Transport.send(m);
        return id;
    }
}

package org.sectriage.outbox;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.sectriage.config.CertificateRejection;
import org.sectriage.config.SectriageConfig;

/**
 * Sends mail through the configured SMTP server with Jakarta Mail, with every timeout set (the
 * library's own defaults wait forever), keeping one connection open across a batch.
 */
public final class SmtpOutboundMailer implements OutboundMailer {

    /**
     * How long the connection may have been idle and still be used without asking the server whether it is
     * there ({@code NOOP}, a round trip): far less than any server's idle timeout (RFC 5321 asks for 5 minutes),
     * so that the mails of a batch go one after another without one.
     */
    static final long TRUSTED_IDLE_NANOS = 5_000_000_000L;

    private final SectriageConfig.Smtp config;
    private final Session session;
    private Transport transport;
    private long lastUsedAt;

    public SmtpOutboundMailer(SectriageConfig.Smtp config) {
        this.config = config;
        this.session = Session.getInstance(properties(config));
    }

    static Properties properties(SectriageConfig.Smtp c) {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", c.host());
        p.put("mail.smtp.port", String.valueOf(c.port()));
        p.put("mail.smtp.connectiontimeout", String.valueOf(c.connectTimeout().toMillis()));
        p.put("mail.smtp.timeout", String.valueOf(c.readTimeout().toMillis()));
        p.put("mail.smtp.writetimeout", String.valueOf(c.writeTimeout().toMillis()));
        p.put("mail.smtp.auth", String.valueOf(c.username() != null));
        // One refused recipient must not stop the mail to the others.
        p.put("mail.smtp.sendpartial", "true");
        // Addresses in UTF-8 (RFC 6531): commands written in UTF-8, and SMTPUTF8 declared when the server offers it;
        // to a server that does not, mail to such an address is refused by the server, not mangled by the client
        p.put("mail.mime.allowutf8", "true");
        switch (c.security()) {
            case SSL -> {
                p.put("mail.smtp.ssl.enable", "true");
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> { }
        }
        return p;
    }

    @Override
    public List<Refusal> send(String envelopeFrom, List<String> recipients, byte[] raw) throws DeliveryException {
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
            Address[] to = new Address[recipients.size()];
            for (int i = 0; i < to.length; i++) {
                to[i] = new InternetAddress(recipients.get(i));
            }
            session.getProperties().put("mail.smtp.from", envelopeFrom);
            connected().sendMessage(message, to);
            lastUsedAt = System.nanoTime();
            return List.of();
        } catch (SMTPSendFailedException e) {
            close();
            Address[] sent = e.getValidSentAddresses();
            if (e.getReturnCode() / 100 == 2 && sent != null && sent.length > 0) {
                // the server took the mail (250 after DATA) for the recipients it accepted; others it refused
                // (with mail.smtp.sendpartial this comes as a failure): sent, or it would go to them again
                return refusedRecipients(e);
            }
            // MAIL FROM or DATA refused: about the account or the server, not a recipient; try again later
            throw new DeliveryException("SMTP server refused the mail: " + describe(e), false, e);
        } catch (SendFailedException e) {
            close();
            Address[] sent = e.getValidSentAddresses();
            if (sent != null && sent.length > 0) {
                return refusedRecipients(e);
            }
            boolean onlyPermanentRefusals = (e.getValidUnsentAddresses() == null
                    || e.getValidUnsentAddresses().length == 0) && isPermanent(e);
            throw new DeliveryException("SMTP server refused every recipient: " + describe(e), onlyPermanentRefusals, e);
        } catch (AuthenticationFailedException e) {
            close();
            throw new DeliveryException("SMTP authentication failed for " + config.username() + " at "
                    + config.host() + ": " + e.getMessage(), false, e);
        } catch (MessagingException e) {
            close();
            throw new DeliveryException("SMTP server " + config.host() + ":" + config.port() + " unavailable: "
                    + CertificateRejection.of(e).orElseGet(() -> describe(e)), false, e);
        }
    }

    /**
     * The open connection, or a new one. Any failure closes it; one idle for longer than {@link
     * #TRUSTED_IDLE_NANOS} is checked first (Jakarta Mail's {@code isConnected} sends {@code NOOP}).
     */
    private Transport connected() throws MessagingException {
        boolean trusted = transport != null && System.nanoTime() - lastUsedAt < TRUSTED_IDLE_NANOS;
        if (!trusted && (transport == null || !transport.isConnected())) {
            Transport t = session.getTransport("smtp");
            if (config.username() != null) {
                t.connect(config.host(), config.port(), config.username(), config.password().read());
            } else {
                t.connect();
            }
            transport = t;
            lastUsedAt = System.nanoTime();
        }
        return transport;
    }

    /** True when every recipient the server refused got a 5xx answer: trying again will not help. */
    private static boolean isPermanent(MessagingException e) {
        boolean any = false;
        for (Exception x = e.getNextException(); x != null;
                x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException a) {
                if (a.getReturnCode() < 500) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /**
     * Each refused recipient with the server's answer. Those Jakarta Mail lists as valid but unsent (a 4xx
     * answer at RCPT, or 552) may take the mail later; the others (5xx) will not.
     */
    static List<Refusal> refusedRecipients(SendFailedException e) {
        java.util.Set<String> later = new java.util.HashSet<>();
        if (e.getValidUnsentAddresses() != null) {
            for (Address a : e.getValidUnsentAddresses()) {
                later.add(a.toString());
            }
        }
        List<Refusal> refused = new java.util.ArrayList<>();
        java.util.Set<String> answered = new java.util.HashSet<>();
        for (Exception x = e.getNextException(); x != null;
                x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException a) {
                String address = a.getAddress().toString();
                String answer = oneLine(a.getMessage());
                String code = String.valueOf(a.getReturnCode());
                refused.add(new Refusal(address, answer.startsWith(code) ? answer : code + " " + answer,
                        later.contains(address)));
                answered.add(address);
            }
        }
        for (Address[] addresses : new Address[][] {e.getInvalidAddresses(), e.getValidUnsentAddresses()}) {
            for (Address a : addresses == null ? new Address[0] : addresses) {
                if (answered.add(a.toString())) {
                    refused.add(new Refusal(a.toString(), "no answer recorded", later.contains(a.toString())));
                }
            }
        }
        return refused;
    }

    /**
     * The exception's message and its cause's, on one line: a server's reply as Jakarta Mail keeps
     * it ends with a line break (and a multi-line reply has more), which would split the log line.
     */
    static String describe(Exception e) {
        StringBuilder sb = new StringBuilder(oneLine(e.getMessage()));
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            sb.append(" (").append(cause.getClass().getSimpleName()).append(": ").append(oneLine(cause.getMessage()))
                    .append(')');
        }
        return sb.toString();
    }

    private static String oneLine(String text) {
        return String.valueOf(text).strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the connection is being dropped either way
            }
            transport = null;
        }
    }
}

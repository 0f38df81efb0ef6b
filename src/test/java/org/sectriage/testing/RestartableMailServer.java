package org.sectriage.testing;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapServer;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * A GreenMail IMAP and SMTP server whose two services can each be stopped and started again on the
 * same port while the mailboxes stay as they were, as a real server that restarts or loses its
 * network does. Stopping a service drops every connection to it at once.
 */
public final class RestartableMailServer implements AutoCloseable {

    private static final long STARTUP = 10_000;

    private final Managers managers = new Managers();
    private final ServerSetup imapSetup;
    private final ServerSetup smtpSetup;
    private final GreenMailUser security;
    private AbstractServer imap;
    private AbstractServer smtp;

    private RestartableMailServer(int imapPort, int smtpPort) {
        this.imapSetup = new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        this.smtpSetup = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        try {
            this.security = managers.getUserManager().createUser(TestConfig.SECURITY, TestConfig.SECURITY,
                    TestConfig.PASSWORD);
        } catch (UserException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Both services started on free loopback ports, with the security mailbox created. */
    public static RestartableMailServer start() {
        int[] ports = FreePorts.onLoopback(2);
        RestartableMailServer server = new RestartableMailServer(ports[0], ports[1]);
        server.startImap();
        server.startSmtp();
        return server;
    }

    public synchronized void startImap() {
        if (imap == null) {
            imap = started(new ImapServer(imapSetup, managers));
        }
    }

    public synchronized void stopImap() {
        if (imap != null) {
            imap.stopService();
            imap = null;
        }
    }

    public synchronized void startSmtp() {
        if (smtp == null) {
            smtp = started(new SmtpServer(smtpSetup, managers));
        }
    }

    public synchronized void stopSmtp() {
        if (smtp != null) {
            smtp.stopService();
            smtp = null;
        }
    }

    private static AbstractServer started(AbstractServer server) {
        server.startService();
        try {
            if (!server.waitTillRunning(STARTUP)) {
                throw new IllegalStateException(server.getProtocol() + " did not start on port " + server.getPort());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return server;
    }

    public int imapPort() {
        return imapSetup.getPort();
    }

    public int smtpPort() {
        return smtpSetup.getPort();
    }

    /** Puts {@code message} in the security INBOX, as the server's delivery agent would. */
    public void deliverToSecurity(MimeMessage message) {
        security.deliver(message);
    }

    /** How many messages are in the security account's {@code folder}; 0 when it does not exist. */
    public int count(String folder) {
        try {
            MailFolder f = managers.getImapHostManager().getFolder(security, folder);
            return f == null ? 0 : f.getMessageCount();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Every message the server holds, in every mailbox: one copy per recipient. */
    public List<MimeMessage> allMessages() {
        return managers.getImapHostManager().getAllMessages().stream().map(StoredMessage::getMimeMessage).toList();
    }

    /** The messages in {@code address}'s INBOX; empty when the server has no such account. */
    public List<MimeMessage> inbox(String address) {
        GreenMailUser user = managers.getUserManager().getUserByEmail(address);
        if (user == null) {
            return List.of();
        }
        try {
            return managers.getImapHostManager().getInbox(user).getMessages().stream()
                    .map(StoredMessage::getMimeMessage).toList();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        stopImap();
        stopSmtp();
    }
}

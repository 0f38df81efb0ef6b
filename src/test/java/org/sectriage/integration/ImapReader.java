package org.sectriage.integration;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads a user's mailbox on the test Dovecot by IMAP, as that user's mail client would. */
final class ImapReader {

    private static final Session SESSION = Session.getInstance(properties());

    private ImapReader() {
    }

    private static Properties properties() {
        Properties p = new Properties();
        p.put("mail.imap.connectiontimeout", "5000");
        p.put("mail.imap.timeout", "10000");
        p.put("mail.imap.peek", "true");
        return p;
    }

    /**
     * Every message in {@code folder} of {@code user}'s mailbox, copied out whole so it can be read
     * after the connection is closed; an empty list when the folder does not exist.
     */
    static List<MimeMessage> messages(int port, String user, String password, String folder) {
        try (Store store = SESSION.getStore("imap")) {
            store.connect(ServerProcess.HOST, port, user, password);
            Folder f = store.getFolder(folder);
            if (!f.exists()) {
                return List.of();
            }
            f.open(Folder.READ_ONLY);
            try {
                List<MimeMessage> out = new ArrayList<>();
                for (Message m : f.getMessages()) {
                    out.add(new MimeMessage((MimeMessage) m));
                }
                return out;
            } finally {
                f.close(false);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read " + folder + " of " + user + " by IMAP on port " + port
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Marks \Deleted, without expunging, the messages in {@code folder} whose subject is {@code subject},
     * as a mail client set to "mark as deleted" leaves them; returns how many it marked.
     */
    static int markDeleted(int port, String user, String password, String folder, String subject) {
        try (Store store = SESSION.getStore("imap")) {
            store.connect(ServerProcess.HOST, port, user, password);
            Folder f = store.getFolder(folder);
            f.open(Folder.READ_WRITE);
            int marked = 0;
            try {
                for (Message m : f.getMessages()) {
                    if (subject.equals(m.getSubject())) {
                        m.setFlag(Flags.Flag.DELETED, true);
                        marked++;
                    }
                }
            } finally {
                f.close(false);
            }
            return marked;
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot mark messages in " + folder + " of " + user + ": " + e.getMessage(), e);
        }
    }
}

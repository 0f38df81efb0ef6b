package org.sectriage.ingest;

import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import java.util.Optional;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * The folder stored messages are moved to ({@code mailbox.processed-folder}) as one connection found it:
 * a {@code /} in the configured name stands for the server's own hierarchy separator, and the folder is
 * created when missing. When the server refuses to create it, its answer is kept instead, so that mail is
 * still taken in and only left in the watched folder.
 */
final class ProcessedFolder {

    private final String fullName;
    private final String refusal;

    private ProcessedFolder(String fullName, String refusal) {
        this.fullName = fullName;
        this.refusal = refusal;
    }

    /**
     * Finds, or creates, the folder named {@code configured} on {@code store}.
     *
     * @throws MessagingException only when the connection is lost; a refusal is kept, see {@link #refusal()}
     */
    static ProcessedFolder on(IMAPStore store, String configured) throws MessagingException {
        try {
            String name = serverName(configured, store.getDefaultFolder().getSeparator());
            IMAPFolder folder = (IMAPFolder) store.getFolder(name);
            if (!folder.exists()) {
                try {
                    folder.doCommand(p -> {
                        p.create(folder.getFullName());
                        return null;
                    });
                } catch (MessagingException e) {
                    if (!alreadyExists(e)) {
                        throw e;
                    }
                    // there after all, though LIST did not show it (another client made it meanwhile, or the
                    // server lists only what one may see): moving to it works
                }
            }
            return new ProcessedFolder(name, null);
        } catch (StoreClosedException | FolderClosedException e) {
            throw e;
        } catch (MessagingException e) {
            if (!store.isConnected()) {
                throw e;
            }
            return new ProcessedFolder(null, "the server refused to create the processed folder '" + configured
                    + "' (mailbox.processed-folder): " + e.getMessage() + "; stored mail stays in the"
                    + " watched folder until it names a folder the server can create");
        }
    }

    /** Whether {@code e} is the server's answer that the folder to create exists already (RFC 5530). */
    static boolean alreadyExists(MessagingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("[ALREADYEXISTS]")) {
                return true;
            }
        }
        return false;
    }

    /** {@code configured} with each {@code /} written as {@code separator}, unless the server has none. */
    static String serverName(String configured, char separator) {
        return separator == '/' || separator == '\0' ? configured : configured.replace('/', separator);
    }

    /** The folder's full name on the server; empty when the server refused to create it. */
    Optional<String> fullName() {
        return Optional.ofNullable(fullName);
    }

    /** Why there is no processed folder on this connection, naming it and quoting the server; empty when there is. */
    Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }
}

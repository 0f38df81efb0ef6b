package org.sectriage.ingest;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.sectriage.config.CertificateRejection;
import org.sectriage.config.SectriageConfig;

/**
 * The watched mailbox over IMAP with Jakarta Mail (Angus). Messages are listed and fetched in bulk
 * by UID with {@code BODY.PEEK[]}, so nothing is marked \Seen, and moved with {@code UID MOVE}
 * where the server has it (else COPY, flag \Deleted, and UID EXPUNGE, or without UIDPLUS an EXPUNGE that
 * spares what other clients marked \Deleted). Every timeout is set.
 */
public final class ImapMailboxClient implements MailboxClient {

    private static final int CHUNK = 1024 * 1024;
    /** NOOPs sent, a second apart, until a woken IDLE has ended (it clears the flag when it does). */
    private static final int WAKE_UP_NUDGES = 5;
    /** Ends IDLE commands when their refresh time is up (servers drop IDLE after 30 minutes). */
    private static final ScheduledExecutorService IDLE_REFRESH = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sectriage-idle-refresh");
        t.setDaemon(true);
        return t;
    });

    private final SectriageConfig.Mailbox config;
    private final Session session;
    private final Object waitLock = new Object();
    private volatile IMAPStore store;
    private volatile IMAPFolder folder;
    private long uidValidity;
    private ProcessedFolder processedFolder;
    private boolean woken;

    public ImapMailboxClient(SectriageConfig.Mailbox config) {
        this.config = config;
        this.session = Session.getInstance(properties(config));
    }

    static Properties properties(SectriageConfig.Mailbox c) {
        Properties p = new Properties();
        p.put("mail.store.protocol", "imap");
        p.put("mail.imap.host", c.host());
        p.put("mail.imap.port", String.valueOf(c.port()));
        p.put("mail.imap.connectiontimeout", String.valueOf(c.connectTimeout().toMillis()));
        p.put("mail.imap.timeout", String.valueOf(c.readTimeout().toMillis()));
        p.put("mail.imap.writetimeout", String.valueOf(c.readTimeout().toMillis()));
        p.put("mail.imap.peek", "true");
        switch (c.security()) {
            case SSL -> {
                p.put("mail.imap.ssl.enable", "true");
                p.put("mail.imap.ssl.checkserveridentity", "true");
            }
            case STARTTLS -> {
                p.put("mail.imap.starttls.enable", "true");
                p.put("mail.imap.starttls.required", "true");
                p.put("mail.imap.ssl.checkserveridentity", "true");
            }
            case NONE -> { }
        }
        return p;
    }

    @Override
    public void open() throws MailboxException {
        if (isOpen()) {
            return;
        }
        close();
        try {
            IMAPStore s = (IMAPStore) session.getStore("imap");
            s.connect(config.host(), config.port(), config.username(), config.password().read());
            ProcessedFolder processed = ProcessedFolder.on(s, config.processedFolder());
            IMAPFolder f = (IMAPFolder) s.getFolder(config.folder());
            if (!f.exists()) {
                throw new MailboxException("folder '" + config.folder() + "' does not exist on " + config.host());
            }
            f.open(Folder.READ_WRITE);
            store = s;
            folder = f;
            uidValidity = f.getUIDValidity();
            processedFolder = processed;
        } catch (MessagingException | IllegalStateException e) {
            close();
            throw new MailboxException("cannot open " + config.folder() + " at " + config.host() + ":" + config.port()
                    + " as " + config.username() + ": "
                    + CertificateRejection.of(e).orElseGet(() -> e.getMessage() + underlyingReason(e)), e);
        }
    }

    /**
     * The cause Jakarta Mail leaves out of its message, such as " (ConnectException: Connection
     * refused)", so that a refused, unreachable or timed-out server can be told apart in the log.
     */
    private static String underlyingReason(Exception e) {
        Throwable cause = e.getCause();
        String message = String.valueOf(e.getMessage());
        if (cause == null || cause == e || message.contains(String.valueOf(cause.getMessage()))) {
            return "";
        }
        return " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    }

    @Override
    public boolean isOpen() {
        IMAPFolder f = folder;
        return f != null && f.isOpen();
    }

    @Override
    public Optional<String> whyStoredMailStays() {
        ProcessedFolder p = processedFolder;
        return p == null ? Optional.empty() : p.refusal();
    }

    @Override
    public long uidValidity() {
        return uidValidity;
    }

    @Override
    public String folder() {
        return config.folder();
    }

    @Override
    public List<MessageRef> list() throws MailboxException {
        try {
            if (requireFolder().getMessageCount() == 0) {
                return List.of();
            }
        } catch (MessagingException e) {
            throw new MailboxException("cannot count messages in " + config.folder() + ": " + e.getMessage(), e);
        }
        List<MessageRef> refs = new ArrayList<>();
        command("UID FETCH 1:* (UID RFC822.SIZE)", null, r -> {
            UID uid = r.getItem(UID.class);
            RFC822SIZE size = r.getItem(RFC822SIZE.class);
            if (uid != null) {
                refs.add(new MessageRef(uid.uid, size == null ? 0 : size.size));
            }
        });
        return refs;
    }

    @Override
    public void fetch(Collection<Long> uids, RawSink sink) throws MailboxException {
        if (uids.isEmpty()) {
            return;
        }
        Exception[] failure = {null};
        command("UID FETCH " + uidSet(uids) + " (UID BODY.PEEK[])", null, r -> {
            UID uid = r.getItem(UID.class);
            BODY body = r.getItem(BODY.class);
            ByteArray bytes = body == null ? null : body.getByteArray();
            if (uid == null || bytes == null || failure[0] != null) {
                // no content (BODY[] NIL): not handed on, so it stays on the server and is tried again
                return;
            }
            try {
                sink.accept(uid.uid, bytes.getNewBytes());
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw new MailboxException("storing fetched messages failed: " + failure[0].getMessage(), failure[0]);
        }
    }

    @Override
    public void fetchInto(long uid, OutputStream out) throws MailboxException {
        // Read until a chunk comes back short: RFC822.SIZE is only an estimate on some servers.
        for (long offset = 0; ; offset += CHUNK) {
            long got = fetchChunk(uid, offset, out);
            if (got < 0 && offset == 0) {
                throw new MailboxException("the server returned no content for message UID " + uid);
            }
            if (got < 0 && !exists(uid)) {
                // removed (by another client) after its first bytes came: what was read is not the whole message;
                // one still there whose next chunk comes as nothing ends at a chunk's end (NIL for an empty range)
                throw new MailboxException("message UID " + uid + " was removed from the folder while it was read,"
                        + " after its first " + offset + " bytes: it is not kept cut short");
            }
            if (got < CHUNK) {
                return;
            }
        }
    }

    /** Whether the folder still holds the message {@code uid}. */
    private boolean exists(long uid) throws MailboxException {
        boolean[] found = {false};
        command("UID FETCH " + uid + " (UID)", null, r -> {
            UID item = r.getItem(UID.class);
            found[0] |= item != null && item.uid == uid;
        });
        return found[0];
    }

    /** Writes one chunk of a message to {@code out}; returns its length, or -1 when the server sent none. */
    private long fetchChunk(long uid, long offset, OutputStream out) throws MailboxException {
        IOException[] failure = {null};
        long[] got = {-1};
        command("UID FETCH " + uid + " (UID BODY.PEEK[]<" + offset + "." + CHUNK + ">)", null, r -> {
            BODY body = r.getItem(BODY.class);
            ByteArray bytes = body == null ? null : body.getByteArray();
            if (bytes == null || failure[0] != null) {
                return;
            }
            try {
                out.write(bytes.getBytes(), bytes.getStart(), bytes.getCount());
                got[0] = bytes.getCount();
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw new MailboxException("cannot write message UID " + uid + " to a temporary file: "
                    + failure[0].getMessage(), failure[0]);
        }
        return got[0];
    }

    @Override
    public void moveToProcessed(Collection<Long> uids) throws MailboxException {
        if (uids.isEmpty()) {
            return;
        }
        String processed = processedFolder().fullName().orElseThrow(() -> new MailboxException(
                whyStoredMailStays().orElse("no processed folder")));
        String set = uidSet(uids);
        String target = BASE64MailboxEncoder.encode(processed);
        if (hasCapability("MOVE")) {
            Argument a = new Argument();
            a.writeAtom(set);
            a.writeString(target);
            command("UID MOVE", a, r -> { });
            return;
        }
        Argument copy = new Argument();
        copy.writeAtom(set);
        copy.writeString(target);
        command("UID COPY", copy, r -> { });
        command("UID STORE " + set + " +FLAGS.SILENT (\\Deleted)", null, r -> { });
        if (hasCapability("UIDPLUS")) {
            command("UID EXPUNGE " + set, null, r -> { });
        } else {
            expungeOnly(uids);
        }
    }

    /**
     * Expunges these messages, marked \Deleted, without UIDPLUS's {@code UID EXPUNGE}: a plain EXPUNGE
     * removes every message marked \Deleted, also those another client marked and sectriage never took
     * in, so their marks are taken off for the EXPUNGE and put back after it. Should the connection drop
     * in between, those messages are left unmarked, never removed.
     */
    private void expungeOnly(Collection<Long> uids) throws MailboxException {
        Set<Long> others = searchUids("DELETED");
        others.removeAll(uids);
        if (others.isEmpty()) {
            command("EXPUNGE", null, r -> { });
            return;
        }
        String theirs = uidSet(others);
        command("UID STORE " + theirs + " -FLAGS.SILENT (\\Deleted)", null, r -> { });
        try {
            command("EXPUNGE", null, r -> { });
        } finally {
            command("UID STORE " + theirs + " +FLAGS.SILENT (\\Deleted)", null, r -> { });
        }
    }

    private boolean hasCapability(String capability) throws MailboxException {
        try {
            return requireStore().hasCapability(capability);
        } catch (MessagingException e) {
            throw new MailboxException("cannot read the server's capabilities: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean usesIdle() {
        try {
            return config.idle() && store != null && store.hasCapability("IDLE");
        } catch (MessagingException e) {
            return false;
        }
    }

    @Override
    public void awaitNewMail(Duration max) throws MailboxException {
        if (usesIdle()) {
            synchronized (waitLock) {
                if (woken) {
                    woken = false;
                    return;
                }
            }
            // IDLE ends when the server reports a change, or when the refresh timer sends a NOOP.
            ScheduledFuture<?> refresh = IDLE_REFRESH.schedule(this::wakeUp, max.toMillis(), TimeUnit.MILLISECONDS);
            // A wake-up may have come between the check above and now; its nudges end this IDLE too.
            try {
                requireFolder().idle(true);
            } catch (MessagingException e) {
                throw new MailboxException("IDLE on " + config.folder() + " ended: " + e.getMessage(), e);
            } finally {
                refresh.cancel(false);
                synchronized (waitLock) {
                    woken = false;
                }
            }
            return;
        }
        synchronized (waitLock) {
            long deadline = System.nanoTime() + max.toNanos();
            while (!woken) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    waitLock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            woken = false;
        }
    }

    /**
     * Ends a wait at once, from any thread, without blocking the caller: an IDLE is ended by a
     * NOOP sent from the timer thread (any command from another thread makes Angus end IDLE), and
     * repeated a few times in case it raced ahead of the IDLE it was meant to end.
     */
    @Override
    public void wakeUp() {
        synchronized (waitLock) {
            woken = true;
            waitLock.notifyAll();
        }
        nudgeIdle(WAKE_UP_NUDGES);
    }

    private void nudgeIdle(int left) {
        IDLE_REFRESH.execute(() -> {
            IMAPFolder f = folder;
            if (f == null || !f.isOpen() || !usesIdle() || !isWoken()) {
                return;
            }
            try {
                f.doCommand(p -> {
                    p.simpleCommand("NOOP", null);
                    return null;
                });
            } catch (MessagingException e) {
                return; // the connection is gone: the watcher notices and reconnects
            }
            if (left > 1) {
                IDLE_REFRESH.schedule(() -> nudgeIdle(left - 1), 1, TimeUnit.SECONDS);
            }
        });
    }

    private boolean isWoken() {
        synchronized (waitLock) {
            return woken;
        }
    }

    @Override
    public void close() {
        IMAPFolder f = folder;
        IMAPStore s = store;
        folder = null;
        store = null;
        processedFolder = null;
        try {
            if (f != null && f.isOpen()) {
                f.close(false);
            }
        } catch (MessagingException | IllegalStateException ignored) {
            // closing a broken connection
        }
        try {
            if (s != null) {
                s.close();
            }
        } catch (MessagingException ignored) {
            // closing a broken connection
        }
    }

    private IMAPFolder requireFolder() throws MailboxException {
        IMAPFolder f = folder;
        if (f == null || !f.isOpen()) {
            throw new MailboxException("mailbox " + config.folder() + " is not open");
        }
        return f;
    }

    private ProcessedFolder processedFolder() throws MailboxException {
        requireFolder();
        return processedFolder;
    }

    private IMAPStore requireStore() throws MailboxException {
        IMAPStore s = store;
        if (s == null) {
            throw new MailboxException("not connected to " + config.host());
        }
        return s;
    }

    /** Receives each FETCH response of a command. */
    @FunctionalInterface
    private interface FetchHandler {
        void handle(FetchResponse response);
    }

    /**
     * Runs one IMAP command, hands its FETCH responses to {@code handler}, passes every untagged
     * response on to the folder (so it keeps its own state right), and fails on a NO or BAD.
     */
    private void command(String command, Argument args, FetchHandler handler) throws MailboxException {
        untagged(command, args, r -> {
            if (r instanceof FetchResponse fr) {
                handler.handle(fr);
            }
        });
    }

    /** As {@link #command}, handing every untagged response to {@code handler}. */
    private void untagged(String command, Argument args, Consumer<Response> handler)
            throws MailboxException {
        try {
            requireFolder().doCommand(p -> {
                Response[] responses = p.command(command, args);
                for (int i = 0; i < responses.length - 1; i++) {
                    handler.accept(responses[i]);
                }
                Response last = responses[responses.length - 1];
                p.notifyResponseHandlers(responses);
                p.handleResult(last);
                return null;
            });
        } catch (MessagingException e) {
            String verb = command.replaceAll("^((?:UID )?\\S+).*$", "$1");
            throw new MailboxException(verb + " on " + config.folder() + " failed: " + e.getMessage(), e);
        }
    }

    /** The UIDs of the messages in the folder that {@code criteria} (an IMAP search key) selects. */
    private Set<Long> searchUids(String criteria) throws MailboxException {
        Set<Long> uids = new TreeSet<>();
        untagged("UID SEARCH " + criteria, null, r -> {
            if (r instanceof IMAPResponse ir && ir.keyEquals("SEARCH")) {
                for (long uid = ir.readLong(); uid != -1; uid = ir.readLong()) {
                    uids.add(uid);
                }
            }
        });
        return uids;
    }

    /** A compact IMAP UID set for these UIDs, e.g. {@code 3:7,9,12:13}. */
    static String uidSet(Collection<Long> uids) {
        StringBuilder sb = new StringBuilder();
        Iterator<Long> it = new TreeSet<>(uids).iterator();
        long start = it.next();
        long prev = start;
        while (true) {
            Long next = it.hasNext() ? it.next() : null;
            if (next != null && next == prev + 1) {
                prev = next;
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(start);
            if (prev != start) {
                sb.append(':').append(prev);
            }
            if (next == null) {
                return sb.toString();
            }
            start = next;
            prev = next;
        }
    }
}

package org.sectriage.store;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox mails the server has accepted and the database does not yet record as sent: a file beside the
 * database's ({@code sectriage.sent-journal} beside {@code sectriage.mv.db}), one line appended per mail the
 * moment the server accepts it. Appending a line costs a system call where marking a mail sent costs a
 * commit, so the sender records many mails in the database in one transaction and then clears the journal.
 * After a crash, the lines still here are recorded before anything is sent again, so that a mail the server
 * accepted is not sent twice. The file is written as H2 writes its own, to the operating system at once
 * without waiting for the disk, so it survives the process as the database does.
 *
 * <p>A database that is not a local file (in memory, or on an H2 server) has no place for the file: its
 * journal is not {@link #durable()}, and the sender records each mail at once, as without a journal.
 *
 * <p>A line reads {@code id TAB message-id TAB epoch-millis TAB refused}, then {@code TAB deferred TAB .} when
 * the mail is to be tried again for some of the refused recipients (the final dot tells a whole line from one
 * cut inside its list of addresses); the Message-ID, the refused recipients (empty when none) and those to be
 * tried again are URL-encoded. The Message-ID makes sure the line is recorded
 * for the mail it was written for and no other (a database put back from a backup reuses ids). Each line
 * is written with a line end before it as well as after it, so that a line cut in the middle of its
 * write (a crash of the machine, a full disk) cannot swallow the next one; the empty lines this makes
 * are passed over. A cut line is left out, as is a line that cannot be read: the mail it names is sent
 * again rather than lost.
 */
public final class SentJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SentJournal.class);

    /** The last field of a line that lists recipients to try again. */
    private static final String END = ".";

    /** The name the journal's file adds to the database's. */
    public static final String SUFFIX = ".sent-journal";

    /**
     * One mail, the outbox's row {@code id} with that Message-ID, that the server accepted at {@code sentAt};
     * {@code refused} lists the recipients it refused, or is null, and {@code deferred} the addresses among them
     * that the mail is to be tried again for.
     */
    public record Entry(long id, String messageId, Instant sentAt, String refused, List<String> deferred) {

        public Entry {
            deferred = List.copyOf(deferred);
        }

        /** A mail the server refused for no recipient, or for good. */
        public Entry(long id, String messageId, Instant sentAt, String refused) {
            this(id, messageId, sentAt, refused, List.of());
        }
    }

    private final Path file;
    private FileOutputStream out;

    private SentJournal(Path file) {
        this.file = file;
    }

    /** The journal of {@code db}'s outbox, opened for appending; one that is not durable if {@code db} is no file. */
    public static SentJournal of(Database db) {
        return db.file().map(base -> open(Path.of(base + SUFFIX))).orElseGet(() -> new SentJournal(null));
    }

    /** The journal in {@code file}, created if missing. */
    static SentJournal open(Path file) {
        SentJournal journal = new SentJournal(file);
        try {
            journal.out = new FileOutputStream(file.toFile(), true);
        } catch (IOException e) {
            throw new StoreException("cannot open the outbox's journal " + file + ": " + e.getMessage(), e);
        }
        return journal;
    }

    /** Whether lines written here survive the process; if not, nothing is ever written. */
    public boolean durable() {
        return file != null;
    }

    /** Appends {@code entry}, in one write, to the file. */
    public synchronized void append(Entry entry) throws IOException {
        if (out == null) {
            throw new IOException(file == null ? "the outbox's journal is not durable" : "the journal is closed");
        }
        String refused = entry.refused() == null ? "" : URLEncoder.encode(entry.refused(), StandardCharsets.UTF_8);
        String deferred = entry.deferred().isEmpty() ? ""
                : "\t" + URLEncoder.encode(String.join(",", entry.deferred()), StandardCharsets.UTF_8) + "\t" + END;
        out.write(("\n" + entry.id() + "\t" + URLEncoder.encode(entry.messageId(), StandardCharsets.UTF_8) + "\t"
                + entry.sentAt().toEpochMilli() + "\t" + refused + deferred + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** What the file holds, in the order written. */
    public synchronized List<Entry> entries() throws IOException {
        return file == null ? new ArrayList<>() : read(file);
    }

    /**
     * What the journal of {@code db}'s outbox holds, read without opening it for writing: the mails a daemon
     * stopped by a crash had sent and not yet recorded, for a command that only reads; empty when there is none.
     */
    public static List<Entry> readBeside(Database db) throws IOException {
        Optional<Path> base = db.file();
        if (base.isEmpty() || !Files.exists(Path.of(base.get() + SUFFIX))) {
            return List.of();
        }
        return read(Path.of(base.get() + SUFFIX));
    }

    private static List<Entry> read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (Files.size(file) == 0) {
            return entries;
        }
        byte[] bytes;
        try (InputStream in = new FileInputStream(file.toFile())) {
            bytes = in.readAllBytes();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
            if (end == start) {
                continue;
            }
            Entry entry = parse(text.substring(start, end));
            if (entry == null) {
                LOG.warn("the outbox's journal {} has a line that cannot be read; left out", file);
            } else {
                entries.add(entry);
            }
        }
        if (start < text.length()) {
            LOG.warn("the outbox's journal {} ends in a cut line; left out", file);
        }
        return entries;
    }

    private static Entry parse(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 4 && !(fields.length == 6 && END.equals(fields[5])) || fields[1].isEmpty()) {
            return null;
        }
        try {
            String deferred = fields.length == 6 ? URLDecoder.decode(fields[4], StandardCharsets.UTF_8) : "";
            return new Entry(Long.parseLong(fields[0]), URLDecoder.decode(fields[1], StandardCharsets.UTF_8),
                    Instant.ofEpochMilli(Long.parseLong(fields[2])),
                    fields[3].isEmpty() ? null : URLDecoder.decode(fields[3], StandardCharsets.UTF_8),
                    deferred.isEmpty() ? List.of() : List.of(deferred.split(",")));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return null;
        }
    }

    /** Empties the file, once what it held is recorded in the database (or could not be read). */
    public synchronized void clear() throws IOException {
        if (file != null && Files.size(file) > 0) {
            // truncated through a stream of its own: the appending one writes at the end, wherever that now is
            new FileOutputStream(file.toFile(), false).close();
        }
    }

    /** Closes the file; what it holds stays for the next start. */
    @Override
    public synchronized void close() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            LOG.debug("closing the outbox's journal: {}", e.getMessage());
        }
        out = null;
    }
}

package org.sectriage.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.sectriage.ingest.MailboxClient.MessageRef;
import org.sectriage.store.Database;
import org.sectriage.store.InboundStore;
import org.sectriage.store.InboundStore.NewInbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes new mail off the server exactly once: fetches it (without setting \Seen), commits its raw
 * bytes to the database, and only then moves it to the processed folder. A crash before the commit
 * leaves the message on the server to be fetched again; a crash after it leaves a stored message
 * that is recognised by UID, or by Message-ID and content hash, and only moved.
 */
public final class MailboxIngester {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxIngester.class);

    /** Messages larger than this are streamed through a temporary file, one at a time. */
    static final long LARGE_MESSAGE = 1024 * 1024;
    /** A bulk fetch stops adding messages once their sizes add up to this. */
    private static final long BATCH_BYTES = 8 * 1024 * 1024;

    private final MailboxClient mailbox;
    private final Database db;
    private final InboundStore inbound;
    private final Clock clock;
    private final int fetchBatch;
    private final Runnable onStored;
    private final UnfetchableMessages unfetchable = new UnfetchableMessages();

    public MailboxIngester(MailboxClient mailbox, Database db, InboundStore inbound, Clock clock, int fetchBatch) {
        this(mailbox, db, inbound, clock, fetchBatch, () -> { });
    }

    /**
     * @param onStored called after each commit that stored new mail, before the next batch is fetched: the
     *               pipeline can start on a batch while the next one is on its way
     */
    public MailboxIngester(MailboxClient mailbox, Database db, InboundStore inbound, Clock clock, int fetchBatch,
                           Runnable onStored) {
        this.mailbox = mailbox;
        this.db = db;
        this.inbound = inbound;
        this.clock = clock;
        this.fetchBatch = fetchBatch;
        this.onStored = onStored;
    }

    /**
     * Stores every message in the folder that is not stored yet, and moves stored ones away.
     *
     * @return how many messages were newly stored
     */
    public int ingestOnce() throws MailboxException {
        List<MessageRef> refs = mailbox.list();
        String folder = mailbox.folder();
        long uidValidity = mailbox.uidValidity();
        unfetchable.retainOnly(uidValidity, refs.stream().map(MessageRef::uid).collect(Collectors.toSet()));
        if (refs.isEmpty()) {
            return 0;
        }
        long min = refs.stream().mapToLong(MessageRef::uid).min().orElse(0);
        long max = refs.stream().mapToLong(MessageRef::uid).max().orElse(0);
        Set<Long> known = db.inTransaction(c -> inbound.storedUids(c, folder, uidValidity, min, max));
        Instant now = clock.instant();
        List<Long> alreadyStored = new ArrayList<>();
        List<MessageRef> small = new ArrayList<>();
        List<MessageRef> alone = new ArrayList<>();
        List<MessageRef> large = new ArrayList<>();
        for (MessageRef ref : refs) {
            if (known.contains(ref.uid())) {
                alreadyStored.add(ref.uid());
            } else if (unfetchable.isSetAside(uidValidity, ref.uid(), now)) {
                continue;
            } else if (ref.size() > LARGE_MESSAGE) {
                large.add(ref);
            } else if (unfetchable.fetchAlone(uidValidity, ref.uid())) {
                alone.add(ref);
            } else {
                small.add(ref);
            }
        }
        // first, so that a message whose FETCH ends the connection below keeps no stored one in the folder
        if (!alreadyStored.isEmpty() && canMove()) {
            LOG.info("{} message(s) stored earlier are still in {}: moving them", alreadyStored.size(), folder);
            moveStored(alreadyStored);
        }
        int stored = 0;
        for (List<MessageRef> batch : batches(small)) {
            stored += storeBatch(batch);
        }
        // those that failed least first: a message whose FETCH ends the connection holds up no other for long
        java.util.Comparator<MessageRef> leastFailedFirst =
                java.util.Comparator.comparingInt(ref -> unfetchable.strikes(uidValidity, ref.uid()));
        alone.sort(leastFailedFirst);
        large.sort(leastFailedFirst);
        for (MessageRef ref : alone) {
            stored += storeBatch(List.of(ref));
        }
        for (MessageRef ref : large) {
            stored += storeLarge(ref);
        }
        return stored;
    }

    /**
     * Moves stored messages off the watched folder, unless there is no processed folder to move them to
     * (the watcher said why when it connected). A refusal (quota, permissions) is logged, not fatal: the
     * messages are already safe in the database and are recognised by UID next time, and new mail must
     * still be taken in.
     */
    private void moveStored(java.util.Collection<Long> uids) throws MailboxException {
        if (!canMove()) {
            return;
        }
        try {
            mailbox.moveToProcessed(uids);
        } catch (MailboxException e) {
            if (!mailbox.isOpen()) {
                throw e;
            }
            LOG.warn("could not move {} stored message(s) to the processed folder; they stay in {}: {}",
                    uids.size(), mailbox.folder(), e.getMessage());
        }
    }

    private boolean canMove() {
        return mailbox.whyStoredMailStays().isEmpty();
    }

    /**
     * Fetches a batch in one round trip, stores it in one transaction, then moves it. When the server
     * refuses part of the batch, what it handed over is stored and moved, and each of the rest is
     * fetched on its own, so that one message it cannot deliver holds up no other.
     */
    private int storeBatch(List<MessageRef> batch) throws MailboxException {
        List<Long> uids = batch.stream().map(MessageRef::uid).toList();
        Map<Long, byte[]> fetched = new LinkedHashMap<>();
        MailboxException refused = null;
        try {
            mailbox.fetch(uids, fetched::put);
        } catch (MailboxException e) {
            refused = e;
        }
        List<Long> missing = uids.stream().filter(uid -> !fetched.containsKey(uid)).toList();
        boolean connected = mailbox.isOpen();
        if (batch.size() == 1 && !missing.isEmpty()) {
            notHandedOver(missing.get(0), refused == null ? "the server sent no content" : refused.getMessage());
        } else if (refused != null) {
            unfetchable.batchFailed(mailbox.uidValidity(), missing);
            LOG.warn("the server did not hand over {} of {} message(s) fetched together from {} ({}); each is fetched"
                    + " on its own from now on", missing.size(), uids.size(), mailbox.folder(), refused.getMessage());
        }
        int stored = store(fetched);
        if (refused != null && !connected) {
            throw refused;
        }
        moveStored(fetched.keySet());
        if (refused != null && batch.size() > 1) {
            for (MessageRef ref : batch) {
                if (missing.contains(ref.uid())) {
                    stored += storeBatch(List.of(ref));
                }
            }
        }
        return stored;
    }

    /** Stores fetched messages in one transaction; returns how many were new. */
    private int store(Map<Long, byte[]> fetched) {
        if (fetched.isEmpty()) {
            return 0;
        }
        int[] stored = {0};
        db.run(c -> {
            for (Map.Entry<Long, byte[]> e : fetched.entrySet()) {
                byte[] raw = e.getValue();
                NewInbound m = new NewInbound(mailbox.folder(), mailbox.uidValidity(), e.getKey(),
                        RawMessageId.find(raw, raw.length), sha256(raw), raw.length, new ByteArrayInputStream(raw));
                if (inbound.insert(c, m, clock.instant()).isPresent()) {
                    stored[0]++;
                } else {
                    LOG.info("message UID {} was stored before (same Message-ID and content): not stored again",
                            e.getKey());
                }
            }
        });
        fetched.keySet().forEach(uid -> unfetchable.forget(mailbox.uidValidity(), uid));
        if (stored[0] > 0) {
            onStored.run();
        }
        return stored[0];
    }

    /** Records that the server did not hand over message {@code uid}, fetched on its own, and why. */
    private void notHandedOver(long uid, String why) {
        if (unfetchable.failedAlone(mailbox.uidValidity(), uid, clock.instant())) {
            LOG.warn("message UID {} in {}: the server did not hand it over {} times ({}); it stays in the folder,"
                    + " set aside for {} min while other mail is taken in", uid, mailbox.folder(),
                    UnfetchableMessages.STRIKES, why, UnfetchableMessages.SET_ASIDE.toMinutes());
        } else {
            LOG.warn("message UID {} in {}: the server did not hand it over ({}); it is tried again", uid,
                    mailbox.folder(), why);
        }
    }

    /** Streams one large message through a temporary file into the database, then moves it. */
    private int storeLarge(MessageRef ref) throws MailboxException {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("sectriage-inbound-", ".eml");
            MessageDigest digest = newDigest();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), digest)) {
                mailbox.fetchInto(ref.uid(), out);
            } catch (MailboxException e) {
                notHandedOver(ref.uid(), e.getMessage());
                if (!mailbox.isOpen()) {
                    throw e;
                }
                return 0;
            }
            long size = Files.size(tmp);
            byte[] head;
            try (InputStream in = Files.newInputStream(tmp)) {
                head = in.readNBytes(256 * 1024);
            }
            String hash = HexFormat.of().formatHex(digest.digest());
            Path file = tmp;
            boolean isNew = db.inTransaction(c -> {
                try (InputStream raw = Files.newInputStream(file)) {
                    return inbound.insert(c, new NewInbound(mailbox.folder(), mailbox.uidValidity(), ref.uid(),
                            RawMessageId.find(head, head.length), hash, size, raw), clock.instant()).isPresent();
                }
            });
            unfetchable.forget(mailbox.uidValidity(), ref.uid());
            if (isNew) {
                onStored.run();
            }
            moveStored(List.of(ref.uid()));
            return isNew ? 1 : 0;
        } catch (IOException e) {
            throw new MailboxException("cannot buffer message UID " + ref.uid() + " (" + ref.size()
                    + " bytes) in a temporary file: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.warn("cannot delete temporary file {}: {}", tmp, e.getMessage());
                }
            }
        }
    }

    private List<List<MessageRef>> batches(List<MessageRef> refs) {
        List<List<MessageRef>> out = new ArrayList<>();
        List<MessageRef> current = new ArrayList<>();
        long bytes = 0;
        for (MessageRef ref : refs) {
            if (!current.isEmpty() && (current.size() >= fetchBatch || bytes + ref.size() > BATCH_BYTES)) {
                out.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(ref);
            bytes += ref.size();
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    static String sha256(byte[] raw) {
        return HexFormat.of().formatHex(newDigest().digest(raw));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}

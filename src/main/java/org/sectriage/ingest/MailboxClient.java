package org.sectriage.ingest;

import java.io.OutputStream;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The watched mailbox, as sectriage needs it: list, fetch raw, move away, wait for more. */
public interface MailboxClient extends AutoCloseable {

    /** A message in the folder: its UID and size in bytes. */
    record MessageRef(long uid, long size) {
    }

    /** Receives the raw bytes of one fetched message. */
    @FunctionalInterface
    interface RawSink {
        void accept(long uid, byte[] raw) throws Exception;
    }

    /** Connects, if not connected, and opens the folder for reading and moving. */
    void open() throws MailboxException;

    boolean isOpen();

    /** The folder's UIDVALIDITY as of the last {@link #open()}. */
    long uidValidity();

    String folder();

    /** Every message now in the folder, by UID, without fetching any content. */
    List<MessageRef> list() throws MailboxException;

    /**
     * Fetches the raw bytes of these messages in one round trip, without setting \Seen. A message
     * the server sends no content for is not handed to the sink.
     */
    void fetch(Collection<Long> uids, RawSink sink) throws MailboxException;

    /**
     * Streams the raw bytes of one (large) message into {@code out}, in chunks until the server
     * has no more, without setting \Seen.
     */
    void fetchInto(long uid, OutputStream out) throws MailboxException;

    /** Moves these messages to the processed folder (UID MOVE where the server has it). */
    void moveToProcessed(Collection<Long> uids) throws MailboxException;

    /**
     * Why stored messages cannot be moved off the folder on this connection (the server refused to create
     * the processed folder), naming the folder and quoting the server; empty when they can be.
     */
    Optional<String> whyStoredMailStays();

    /**
     * Waits until new mail may have arrived (IDLE where the server offers it and config allows,
     * else a plain wait), at most {@code max}, or until {@link #wakeUp()}.
     */
    void awaitNewMail(Duration max) throws MailboxException;

    /** Ends a wait in {@link #awaitNewMail(Duration)} early; safe to call from any thread. */
    void wakeUp();

    /** True when the server offers IDLE and it is in use. */
    boolean usesIdle();

    @Override
    void close();
}

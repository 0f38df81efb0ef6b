package org.sectriage.pipeline;

import java.io.InputStream;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sectriage.classify.report.Classification;
import org.sectriage.classify.report.ReportFeatures;
import org.sectriage.crypto.EmbeddedSignatures;
import org.sectriage.crypto.OfferedKey;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.MessageKind;
import org.sectriage.domain.ParticipantRole;
import org.sectriage.parse.ParsedMessage;
import org.sectriage.store.CaseStore;
import org.sectriage.store.InboundStore.InboundRecord;

/**
 * One inbound message on its way through the pipeline, with everything the steps learned about it.
 * The steps that run {@linkplain Pipeline.Builder#ahead ahead} see the envelope before it is bound to
 * the message's database transaction and may read only the message itself; the others run inside
 * that one transaction: all that they write commits together or not at all.
 */
public final class Envelope {

    /** Where the steps read the stored raw message from: memory, or the message's database row. */
    @FunctionalInterface
    public interface RawSource {
        InputStream open() throws Exception;
    }

    /**
     * What the classifier made of the message's text, and its features for duplicate search, found
     * ahead of the transaction for any readable message a person wrote: used if it opens a case.
     */
    public record TextAnalysis(Classification classification, ReportFeatures features) {
    }

    private final InboundRecord inbound;
    private final RawSource raw;
    private Instant now;
    private Connection connection;
    private CaseStore cases;

    private ParsedMessage parsed;
    private MessageKind kind = MessageKind.REPORT;
    private String kindReason;
    private Classification classification;
    private TextAnalysis textAnalysis;
    private boolean encrypted;
    private List<OfferedKey> offeredKeys = List.of();
    private byte[] readable;
    private EmbeddedSignatures embeddedSignatures = EmbeddedSignatures.NONE;
    private String decryptionFailure;
    private String publicSubject;
    private String returnedMailToReporter;
    private String signature = "none";
    private String signerFingerprint;
    private boolean signatureWhole;
    private String signing;
    private String authenticatedBy;
    private boolean internal;
    private CaseId caseId;
    private boolean newCase;
    private ParticipantRole senderRole;
    private String stopReason;
    private final List<String> notes = new ArrayList<>();

    /** An envelope not yet bound to a transaction: for the steps that run ahead. */
    public Envelope(InboundRecord inbound, RawSource raw, Instant now) {
        this.inbound = inbound;
        this.raw = raw;
        this.now = now;
    }

    /** An envelope bound to the transaction {@code connection} is in. */
    public Envelope(InboundRecord inbound, RawSource raw, Connection connection, CaseStore cases, Instant now) {
        this(inbound, raw, now);
        bind(connection, cases, now);
    }

    /**
     * Binds the envelope to the transaction the steps after those that ran ahead run in, which process
     * the message at {@code now}.
     */
    void bind(Connection connection, CaseStore cases, Instant now) {
        this.connection = connection;
        this.cases = cases;
        this.now = now;
    }

    /** True while the envelope is not bound to a transaction: the step reading it runs ahead. */
    public boolean isAhead() {
        return connection == null;
    }

    /** The record of the stored raw message this envelope carries. */
    public InboundRecord inbound() {
        return inbound;
    }

    /** The stored raw message, as it was fetched. */
    public InputStream openRaw() throws Exception {
        return raw.open();
    }

    /** The connection of this envelope's transaction, for steps that write outside the case store. */
    public Connection connection() {
        return bound(connection);
    }

    public CaseStore cases() {
        return bound(cases);
    }

    private <T> T bound(T part) {
        if (part == null) {
            throw new IllegalStateException("message " + inbound.id()
                    + ": a step that runs ahead of the transaction asked for the database");
        }
        return part;
    }

    /** The time this message is being processed at, the same for every step. */
    public Instant now() {
        return now;
    }

    public ParsedMessage parsed() {
        if (parsed == null) {
            throw new IllegalStateException("message " + inbound.id() + " has not been parsed yet");
        }
        return parsed;
    }

    public void setParsed(ParsedMessage parsed) {
        this.parsed = parsed;
    }

    public MessageKind kind() {
        return kind;
    }

    /** Why the message is of its kind, e.g. "Auto-Submitted: auto-replied"; null for plain reports. */
    public String kindReason() {
        return kindReason;
    }

    public void setKind(MessageKind kind, String reason) {
        this.kind = kind;
        this.kindReason = reason;
    }

    /** The public keys the sender offered for themselves in the message; empty when none. */
    public List<OfferedKey> offeredKeys() {
        return offeredKeys;
    }

    public void setOfferedKeys(List<OfferedKey> keys) {
        this.offeredKeys = List.copyOf(keys);
    }

    /** True when the message arrived OpenPGP-encrypted, whether or not it could be decrypted. */
    public boolean isEncrypted() {
        return encrypted;
    }

    /** Records that the message was encrypted and decrypted to {@code readable}, the message as its sender wrote it. */
    public void setDecrypted(byte[] readable) {
        this.encrypted = true;
        this.readable = readable.clone();
    }

    /**
     * Records that the decrypted message carries its real subject inside the encryption (OpenPGP protected
     * headers), and that {@code subject} is the one it showed outside, which mail about it must use.
     */
    public void setPublicSubject(String subject) {
        this.publicSubject = subject == null ? "" : subject;
    }

    /** The subject the message showed outside its encryption; empty unless it protected its real subject. */
    public Optional<String> publicSubject() {
        return Optional.ofNullable(publicSubject);
    }

    /**
     * The subject the database may keep: the one the message showed outside its encryption when it
     * protected its real one, which, like the rest of what was encrypted, is never stored.
     */
    public String subjectToStore() {
        return publicSubject != null ? publicSubject : parsed().subject();
    }

    /** Records that the message is a delivery report returning our mail {@code messageId} to the case's reporter. */
    public void setReturnedMailToReporter(String messageId) {
        this.returnedMailToReporter = messageId;
    }

    /** The Message-ID of our mail to the reporter that this delivery report returns; empty for most mail. */
    public Optional<String> returnedMailToReporter() {
        return Optional.ofNullable(returnedMailToReporter);
    }

    /** Records the signatures that came inside the encryption, with what they sign. */
    public void setEmbeddedSignatures(EmbeddedSignatures signatures) {
        this.embeddedSignatures = signatures;
    }

    /** The signatures inside the encryption, with what they sign; {@link EmbeddedSignatures#NONE} when there were none. */
    public EmbeddedSignatures embeddedSignatures() {
        return embeddedSignatures;
    }

    /** Records that the message was encrypted but could not, or must not, be decrypted, and why. */
    public void setDecryptionFailure(String reason) {
        this.encrypted = true;
        this.decryptionFailure = reason;
    }

    /** Why the encrypted message could not be read; empty when it was not encrypted or was decrypted. */
    public Optional<String> decryptionFailure() {
        return Optional.ofNullable(decryptionFailure);
    }

    /** The decrypted message as its sender wrote it; empty unless it was encrypted and decrypted. */
    public Optional<byte[]> decrypted() {
        return Optional.ofNullable(readable).map(byte[]::clone);
    }

    /**
     * Records the message's OpenPGP signature: none, valid, invalid or unknown-key, by whom, over what, and, for a
     * valid one, the signing it names (see SignatureReport#signing; empty otherwise).
     */
    public void setSignature(String status, String signerFingerprint, boolean coversWholeMessage, String signing) {
        this.signature = status;
        this.signerFingerprint = signerFingerprint;
        this.signatureWhole = coversWholeMessage;
        this.signing = signing == null || signing.isEmpty() ? null : signing;
    }

    /** What the message's valid signature commits to, naming one signing; empty unless it has one. */
    public Optional<String> signing() {
        return Optional.ofNullable(signing);
    }

    /** The signature's status: none, valid, invalid or unknown-key. */
    public String signature() {
        return signature;
    }

    /** The fingerprint of the key that made the signature, or null. */
    public String signerFingerprint() {
        return signerFingerprint;
    }

    /** True when a valid signature covers the whole message, not a part wrapped in unsigned content. */
    public boolean isSignedWhole() {
        return "valid".equals(signature) && signatureWhole;
    }

    /** How the sender was authenticated as a maintainer, e.g. "OpenPGP signature"; empty when not. */
    public Optional<String> authenticatedBy() {
        return Optional.ofNullable(authenticatedBy);
    }

    public void setAuthenticatedBy(String how) {
        this.authenticatedBy = how;
    }

    /** True when a maintainer's message is for the team only ({@code #internal}): it is not relayed. */
    public boolean isInternal() {
        return internal;
    }

    public void setInternal(boolean internal) {
        this.internal = internal;
    }

    /** What the classifier made of the message; empty for follow-ups and automated mail, which it does not see. */
    public Optional<Classification> classification() {
        return Optional.ofNullable(classification);
    }

    public void setClassification(Classification classification) {
        this.classification = classification;
    }

    /** The analysis of the message's text made ahead of the transaction; empty when none was made. */
    public Optional<TextAnalysis> textAnalysis() {
        return Optional.ofNullable(textAnalysis);
    }

    public void setTextAnalysis(TextAnalysis analysis) {
        this.textAnalysis = analysis;
    }

    public Optional<CaseId> caseId() {
        return Optional.ofNullable(caseId);
    }

    /** The case this message belongs to; fails if none was found or opened. */
    public CaseId requireCase() {
        if (caseId == null) {
            throw new IllegalStateException("message " + inbound.id() + " is in no case");
        }
        return caseId;
    }

    /** True when this message opened its case. */
    public boolean isNewCase() {
        return newCase;
    }

    public void attachTo(CaseId id, boolean opened) {
        this.caseId = id;
        this.newCase = opened;
    }

    /** How the sender takes part in the message's case; null when not known or no case. */
    public ParticipantRole senderRole() {
        return senderRole;
    }

    public void setSenderRole(ParticipantRole role) {
        this.senderRole = role;
    }

    /** Ends the pipeline for this message after the current step; the reason is stored with it. */
    public void stop(String reason) {
        this.stopReason = reason;
    }

    public boolean isStopped() {
        return stopReason != null;
    }

    public String stopReason() {
        return stopReason;
    }

    /** Adds a note for the message's record, e.g. "acknowledgement withheld: rate limit". */
    public void note(String note) {
        notes.add(note);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }
}

package org.sectriage.pipeline;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sectriage.classify.report.Classification;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.MessageKind;
import org.sectriage.domain.ParticipantRole;
import org.sectriage.parse.ParsedMessage;
import org.sectriage.store.CaseStore;
import org.sectriage.store.InboundStore.InboundRecord;

/**
 * One inbound message on its way through the pipeline, with everything the steps learned about it.
 * An envelope lives inside one database transaction: all that the steps write commits together or
 * not at all.
 */
public final class Envelope {

    private final InboundRecord inbound;
    private final Connection connection;
    private final CaseStore cases;
    private final Instant now;

    private ParsedMessage parsed;
    private MessageKind kind = MessageKind.REPORT;
    private String kindReason;
    private Classification classification;
    private CaseId caseId;
    private boolean newCase;
    private ParticipantRole senderRole;
    private String stopReason;
    private final List<String> notes = new ArrayList<>();

    public Envelope(InboundRecord inbound, Connection connection, CaseStore cases, Instant now) {
        this.inbound = inbound;
        this.connection = connection;
        this.cases = cases;
        this.now = now;
    }

    /** The stored raw message this envelope carries. */
    public InboundRecord inbound() {
        return inbound;
    }

    /** The connection of this envelope's transaction, for steps that write outside the case store. */
    public Connection connection() {
        return connection;
    }

    public CaseStore cases() {
        return cases;
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

    /** What the classifier made of the message; empty for follow-ups and automated mail, which it does not see. */
    public Optional<Classification> classification() {
        return Optional.ofNullable(classification);
    }

    public void setClassification(Classification classification) {
        this.classification = classification;
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

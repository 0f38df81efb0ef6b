package org.sectriage.store;

import java.util.Map;
import org.sectriage.classify.report.Classification;
import org.sectriage.command.CaseFile;
import org.sectriage.classify.report.LikelyDuplicate;
import org.sectriage.classify.report.ReportFeatures;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.sectriage.domain.CaseEvent;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.CaseMessage;
import org.sectriage.domain.CaseState;
import org.sectriage.domain.EmailAddress;
import org.sectriage.domain.Participant;
import org.sectriage.domain.SecurityCase;

/** Cases, their participants, threads and event logs, as seen from inside one transaction. */
public interface CaseStore {

    /** Reserves the next case id of {@code year}: SEC-YYYY-0001, then 0002, … */
    CaseId nextCaseId(int year);

    void create(SecurityCase securityCase);

    Optional<SecurityCase> find(CaseId id);

    void updateState(CaseId id, CaseState state, Instant at);

    /** Marks a case as updated now, without changing its state. */
    void touch(CaseId id, Instant at);

    /** Makes a case confidential: a message on it arrived encrypted, so its mail goes out only encrypted from now on. */
    void markEncrypted(CaseId id);

    /**
     * The cases that know one of these Message-IDs: cases where one names mail sectriage sent
     * first (those ids no outsider chooses), then the others, newest first.
     */
    List<CaseId> casesKnowing(Collection<String> messageIds);

    boolean isParticipant(CaseId id, EmailAddress address);

    /** Adds a participant unless the address already takes part. */
    void addParticipant(CaseId id, Participant participant);

    List<Participant> participants(CaseId id);

    void addMessage(CaseMessage message);

    List<CaseMessage> messages(CaseId id);

    void addEvent(CaseEvent event);

    List<CaseEvent> events(CaseId id);

    /** All cases, newest first. */
    List<SecurityCase> list();

    /** What maintainers' commands act on for case {@code id}: its state and what they or the classifier set. */
    Optional<CaseFile> caseFile(CaseId id);

    /**
     * Stores what commands changed in {@code file}: state, severity (as set by a maintainer), CVSS vector
     * and score, CWE ids, assignee, fixed version, embargo date, credit and duplicate-of.
     */
    void saveCaseFile(CaseFile file, Instant at);

    /** Records why the case's encrypted report could not be read. */
    void setDecryptionFailure(CaseId id, String reason);

    /** Why the case's encrypted report could not be read; empty when it could, or was not encrypted. */
    Optional<String> decryptionFailure(CaseId id);

    /**
     * Records the OpenPGP facts of the inbound message {@code inboundId} in its case's thread: whether it
     * was encrypted, and its signature (none, valid, invalid, unknown-key), by whom, over the whole message or not.
     */
    void recordOpenPgp(long inboundId, boolean encrypted, String signature, String signerFingerprint, boolean whole);

    /** Stores what the classifier made of the case's report, replacing what was stored. */
    void saveClassification(CaseId id, Classification classification);

    /** What the classifier made of the case's report; empty for cases opened before classification. */
    Optional<Classification> classification(CaseId id);

    /** Stores the features duplicate detection compares the case's report by. */
    void saveFeatures(CaseId id, ReportFeatures features);

    /**
     * The features of those of {@code caseIds} that are open cases with stored features, by case id, read back
     * from their stored form by {@code storedForm}.
     */
    Map<String, ReportFeatures> openCaseFeatures(java.util.Collection<String> caseIds,
                                                 ReportFeatures.StoredForm storedForm);

    /** Gives {@code each} the id and the features of every case that has them, open or not, oldest case first. */
    void forEachCaseFeatures(java.util.function.BiConsumer<String, ReportFeatures> each);

    /** Records that case {@code id} likely duplicates an open case. */
    void addLikelyDuplicate(CaseId id, LikelyDuplicate duplicate);

    /** The open cases case {@code id} was found to resemble when it was opened, most similar first. */
    List<LikelyDuplicate> likelyDuplicates(CaseId id);
}

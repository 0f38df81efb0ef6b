package org.sectriage.pipeline;

import org.sectriage.domain.MessageKind;
import org.sectriage.domain.ParticipantRole;

/** The conditions the inbound pipeline's steps are guarded by. */
public final class Conditions {

    private Conditions() {
    }

    /** The message was written by a person, not by an autoresponder, a mail server or ourselves. */
    public static final Condition WRITTEN_BY_A_PERSON =
            new Condition("written by a person", e -> !e.kind().isAutomated());

    /** The message is a delivery report returning our mail to a case's reporter, who may not have heard from us. */
    public static final Condition RETURNS_MAIL_TO_THE_REPORTER = new Condition("returns mail to the reporter",
            e -> e.returnedMailToReporter().isPresent());

    /** No existing case took the message. */
    public static final Condition IN_NO_CASE = new Condition("in no case", e -> e.caseId().isEmpty());

    /** The message opened its case just now. */
    public static final Condition OPENED_A_CASE = new Condition("opened a case", Envelope::isNewCase);

    /** The message is a report, as opposed to a follow-up or automated mail. */
    public static final Condition IS_REPORT = new Condition("is a report", e -> e.kind() == MessageKind.REPORT);

    /** The message was written by a person about something other than security: it goes to the public tracker. */
    public static final Condition IS_NOT_SECURITY =
            new Condition("is not about security", e -> e.kind() == MessageKind.NOT_SECURITY);

    /** The message's content can be read: it was not encrypted, or it was decrypted. */
    public static final Condition READABLE = new Condition("readable", e -> e.decryptionFailure().isEmpty());

    /** A maintainer wrote the message, in reply to a case that was open before it. */
    public static final Condition FROM_A_MAINTAINER_ON_A_CASE = new Condition("from a maintainer on a case",
            e -> e.caseId().isPresent() && !e.isNewCase() && e.senderRole() == ParticipantRole.MAINTAINER
                    && !e.kind().isAutomated());

    /** The message belongs to a case and was not written by a maintainer. */
    public static final Condition FROM_REPORTER_SIDE = new Condition("from the reporter's side",
            e -> e.caseId().isPresent() && e.senderRole() != ParticipantRole.MAINTAINER);
}

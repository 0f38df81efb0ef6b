package org.sectriage.threading;

import java.util.stream.Collectors;
import org.sectriage.domain.CaseEvent;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.CaseMessage;
import org.sectriage.domain.EmailAddress;
import org.sectriage.domain.ParticipantRole;
import org.sectriage.sla.SlaEventType;
import org.sectriage.parse.ParsedMessage;
import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.Step;

/**
 * Adds the message to its case's thread and event log; a message that arrived encrypted makes its case
 * confidential, if it was not, from then on. A message in no case (automated mail that
 * answers nothing of ours) ends the pipeline here: it stays stored, and listed, but is not answered.
 */
public final class RecordMessage implements Step {

    @Override
    public void apply(Envelope env) {
        ParsedMessage m = env.parsed();
        if (env.caseId().isEmpty()) {
            env.stop(env.kind().label() + (env.kindReason() == null ? "" : " (" + env.kindReason() + ")")
                    + " in no case: recorded, not answered");
            return;
        }
        CaseId id = env.requireCase();
        String sender = m.from() == null ? null : m.from().address();
        String recipients = m.to().stream().map(EmailAddress::address).collect(Collectors.joining(", "));
        env.cases().addMessage(new CaseMessage(id, CaseMessage.Direction.IN, m.messageId(), sender, recipients,
                env.subjectToStore(), env.kind().label(), env.now(), env.inbound().id(), null));
        if (env.isEncrypted() || !"none".equals(env.signature())) {
            env.cases().recordOpenPgp(env.inbound().id(), env.isEncrypted(), env.signature(), env.signerFingerprint(),
                    env.isSignedWhole());
        }
        if (!env.isNewCase()) {
            String type;
            String what;
            if (env.kind().isAutomated()) {
                type = "message-received";
                what = env.kind().label() + " recorded, not answered"
                        + (env.kindReason() == null ? "" : ": " + env.kindReason());
            } else if (env.senderRole() == ParticipantRole.MAINTAINER) {
                type = "maintainer-message-received";
                what = "message from a maintainer received";
            } else {
                // The reporter's side wrote: it ends a wait on the reporter; it does not stop the SLA clock.
                type = SlaEventType.REPORTER_MESSAGE.caseEventType();
                what = "follow-up received";
            }
            env.cases().addEvent(new CaseEvent(id, env.now(), sender == null ? "unknown sender" : sender, type, what));
            env.cases().touch(id, env.now());
            if (env.isEncrypted() && !env.cases().find(id).orElseThrow().encrypted()) {
                // what was read inside the encryption must not go out in plaintext mail about it, now or later
                env.cases().markEncrypted(id);
                env.cases().addEvent(new CaseEvent(id, env.now(), CaseEvent.SYSTEM, "case-encrypted",
                        "a message on this case arrived encrypted: its mail goes out only encrypted from now on"));
            }
        }
    }
}

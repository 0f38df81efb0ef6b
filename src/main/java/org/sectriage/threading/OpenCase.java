package org.sectriage.threading;

import java.time.LocalDate;
import java.time.ZoneId;
import org.sectriage.domain.CaseEvent;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.CaseState;
import org.sectriage.domain.CaseSubject;
import org.sectriage.domain.EmailAddress;
import org.sectriage.domain.MessageKind;
import org.sectriage.domain.Participant;
import org.sectriage.domain.ParticipantRole;
import org.sectriage.domain.SecurityCase;
import org.sectriage.parse.ParsedMessage;
import org.sectriage.sla.SlaEventType;
import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.Step;

/**
 * Opens a new case for a message that belongs to none: the sender becomes its reporter and the
 * configured maintainers its team.
 */
public final class OpenCase implements Step {

    /** Stands for the reporter of a message whose sender could not be read; never mailed. */
    public static final EmailAddress UNKNOWN_SENDER = new EmailAddress("unknown-sender@invalid", null);

    private final Maintainers maintainers;
    private final ZoneId zone;

    public OpenCase(Maintainers maintainers, ZoneId zone) {
        this.maintainers = maintainers;
        this.zone = zone;
    }

    @Override
    public void apply(Envelope env) {
        ParsedMessage m = env.parsed();
        EmailAddress reporter = m.from() == null ? UNKNOWN_SENDER : m.from();
        CaseId id = env.cases().nextCaseId(LocalDate.ofInstant(env.now(), zone).getYear());
        String subject = CaseSubject.of(env.subjectToStore());
        String problems = m.problems().isEmpty() ? null : String.join("; ", m.problems());
        boolean notSecurity = env.kind() == MessageKind.NOT_SECURITY;
        env.cases().create(new SecurityCase(id, notSecurity ? CaseState.NOT_SECURITY : CaseState.NEW, subject,
                reporter, env.now(), env.now(), env.isEncrypted(), problems));
        env.decryptionFailure().ifPresent(why -> env.cases().setDecryptionFailure(id, why));
        env.cases().addParticipant(id, new Participant(reporter, ParticipantRole.REPORTER));
        for (EmailAddress maintainer : maintainers.addresses()) {
            env.cases().addParticipant(id, new Participant(maintainer, ParticipantRole.MAINTAINER));
        }
        env.cases().addEvent(new CaseEvent(id, env.now(), reporter.address(), "case-opened",
                (env.isEncrypted() ? "encrypted report received" : "report received")
                        + env.decryptionFailure().map(why -> "; it could not be decrypted: " + why).orElse("")
                        + (problems == null ? "" : "; problems: " + problems)));
        env.classification().ifPresent(c -> {
            env.cases().saveClassification(id, c);
            env.cases().addEvent(new CaseEvent(id, env.now(), CaseEvent.SYSTEM, "classified", c.summary()));
        });
        if (notSecurity) {
            env.cases().addEvent(new CaseEvent(id, env.now(), CaseEvent.SYSTEM, SlaEventType.CLOSED.caseEventType(),
                    "not about security; a maintainer can reopen it"));
        }
        env.attachTo(id, true);
        env.setSenderRole(maintainers.isMaintainer(reporter) ? ParticipantRole.MAINTAINER : ParticipantRole.REPORTER);
    }
}

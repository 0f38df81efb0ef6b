package org.sectriage.threading;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sectriage.domain.CaseEvent;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.CaseMessage;
import org.sectriage.domain.EmailAddress;
import org.sectriage.domain.MessageKind;
import org.sectriage.domain.Participant;
import org.sectriage.domain.ParticipantRole;
import org.sectriage.parse.ParsedMessage;
import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.Step;
import org.sectriage.store.CaseStore;

/**
 * Finds the case a message belongs to: by In-Reply-To/References to a Message-ID the case knows,
 * else by the case tag {@code [SEC-YYYY-NNNN]} in the subject; in both ways only when the sender
 * already takes part in that case. A stranger who names a case opens a new one instead, and the
 * named case records that it was referenced. A delivery report that returns one of our mails belongs to
 * that mail's case, whoever sent the report.
 */
public final class AttachToCase implements Step {

    /** The event that records a delivery report returning one of our mails. */
    private static final String RETURNED = "mail-returned";

    private final Maintainers maintainers;

    public AttachToCase(Maintainers maintainers) {
        this.maintainers = maintainers;
    }

    @Override
    public void apply(Envelope env) {
        ParsedMessage m = env.parsed();
        CaseStore cases = env.cases();
        if (env.kind() == MessageKind.BOUNCE && attachReturnedMail(env, m, cases)) {
            return;
        }
        List<CaseId> candidates = new java.util.ArrayList<>(cases.casesKnowing(referencedIds(m)));
        CaseId.findTag(m.subject()).filter(id -> cases.find(id).isPresent() && !candidates.contains(id))
                .ifPresent(candidates::add);
        if (candidates.isEmpty()) {
            return;
        }
        for (CaseId id : candidates) {
            Optional<ParticipantRole> role = roleOf(cases, id, m.from());
            if (role.isPresent()) {
                env.attachTo(id, false);
                env.setSenderRole(role.get());
                if (!env.kind().isAutomated()) {
                    env.setKind(MessageKind.FOLLOW_UP, null);
                }
                return;
            }
        }
        CaseId id = candidates.get(0);
        String sender = m.from() == null ? "an unknown sender" : m.from().address();
        cases.addEvent(new CaseEvent(id, env.now(), CaseEvent.SYSTEM, "stranger-reference",
                "a message from " + sender + ", who takes no part in this case, referred to it; "
                        + "it was not added to this case"));
        env.note("referred to " + id + " but the sender takes no part in it");
    }

    /**
     * Attaches a delivery report to the case of the mail of ours it returns, and records which; true when
     * it returns one. When that mail was to the reporter, the envelope says so: the team is to be told.
     */
    private boolean attachReturnedMail(Envelope env, ParsedMessage m, CaseStore cases) {
        Set<String> returned = new LinkedHashSet<>(m.returnedMessageIds());
        for (CaseId id : cases.casesKnowing(returned)) {
            Optional<CaseMessage> ours = cases.messages(id).stream()
                    .filter(x -> x.direction() == CaseMessage.Direction.OUT && returned.contains(x.messageId()))
                    .findFirst();
            if (ours.isEmpty()) {
                continue;
            }
            CaseMessage mail = ours.get();
            env.attachTo(id, false);
            EmailAddress reporter = cases.find(id).orElseThrow().reporter();
            // A reporter who is a maintainer gets every notice to the team: were one of those returned taken for
            // mail to the reporter, the notice it sets off would come back in turn, and so on without end.
            boolean toReporter = !maintainers.isMaintainer(reporter) && mail.recipients() != null
                    && java.util.Arrays.stream(mail.recipients().split(","))
                            .anyMatch(r -> r.strip().equalsIgnoreCase(reporter.address()));
            // the team is told once per mail returned: a second report of the same mail (a retry's, a forged one's)
            // is filed with the case and tells no one again
            boolean toldBefore = cases.events(id).stream().anyMatch(e -> RETURNED.equals(e.type())
                    && e.detail() != null && e.detail().contains(" " + mail.messageId() + " "));
            if (toReporter && !toldBefore) {
                env.setReturnedMailToReporter(mail.messageId());
            }
            cases.addEvent(new CaseEvent(id, env.now(), CaseEvent.SYSTEM, RETURNED,
                    mail.kind() + " " + mail.messageId() + " to " + mail.recipients()
                            + " came back undelivered (a delivery report from "
                            + (m.from() == null ? "an unknown sender" : m.from().address()) + ")"));
            return true;
        }
        return false;
    }

    private Optional<ParticipantRole> roleOf(CaseStore cases, CaseId id, EmailAddress sender) {
        if (sender == null) {
            return Optional.empty();
        }
        if (maintainers.isMaintainer(sender)) {
            return Optional.of(ParticipantRole.MAINTAINER);
        }
        List<Participant> participants = cases.participants(id);
        return participants.stream().filter(p -> p.address().sameMailbox(sender)).map(Participant::role).findFirst();
    }

    private static Set<String> referencedIds(ParsedMessage m) {
        Set<String> ids = new LinkedHashSet<>(m.inReplyTo());
        ids.addAll(m.references());
        return ids;
    }
}

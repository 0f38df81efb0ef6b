package org.sectriage.threading;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sectriage.domain.CaseEvent;
import org.sectriage.domain.CaseId;
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
 * named case records that it was referenced.
 */
public final class AttachToCase implements Step {

    private final Maintainers maintainers;

    public AttachToCase(Maintainers maintainers) {
        this.maintainers = maintainers;
    }

    @Override
    public void apply(Envelope env) {
        ParsedMessage m = env.parsed();
        CaseStore cases = env.cases();
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

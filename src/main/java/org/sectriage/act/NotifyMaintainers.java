package org.sectriage.act;

import java.util.List;
import java.util.Map;
import org.sectriage.domain.CaseEvent;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.CaseMessage;
import org.sectriage.domain.EmailAddress;
import org.sectriage.domain.SecurityCase;
import org.sectriage.outbox.Outbox;
import org.sectriage.outbox.OutgoingMail;
import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.Step;
import org.sectriage.threading.Maintainers;

/**
 * Sends a new case, or the reporter's follow-up, to the maintainers: one thread per case in their
 * mailboxes, with Reply-To the security address so that their answers come back to sectriage.
 */
public final class NotifyMaintainers implements Step {

    public static final String PURPOSE = "maintainer-notification";
    /** The purposes of mail to the maintainers about a case, which their case thread is made of. */
    static final java.util.Set<String> TO_MAINTAINERS = java.util.Set.of(PURPOSE, SendDeadlineNotices.REMINDER,
            SendDeadlineNotices.ESCALATION, SendDeadlineNotices.DISCLOSURE_REMINDER, RelayToReporter.COPY,
            AuthenticateMaintainer.HELD);

    private final MailTemplates templates;
    private final CaseMailContext context;
    private final Maintainers maintainers;
    private final MaintainerMail mail;

    public NotifyMaintainers(MailTemplates templates, CaseMailContext context, Maintainers maintainers,
                             MaintainerMail mail) {
        this.templates = templates;
        this.context = context;
        this.maintainers = maintainers;
        this.mail = mail;
    }

    @Override
    public void apply(Envelope env) throws Exception {
        CaseId id = env.requireCase();
        SecurityCase sc = env.cases().find(id).orElseThrow();
        Map<String, Object> ctx = context.forMessage(sc, env.parsed(), env.now());
        List<CaseMessage> thread = env.cases().messages(id);
        ctx.put("acknowledged", thread.stream().anyMatch(m -> m.direction() == CaseMessage.Direction.OUT
                && Acknowledge.PURPOSE.equals(m.kind())));
        ctx.put("acknowledgementNote", String.join("; ", env.notes()));
        ctx.put("protectedSubject", env.publicSubject().isPresent() ? env.parsed().subject() : "");
        ctx.put("returnedMessageId", env.returnedMailToReporter().orElse(""));
        if (env.isNewCase()) {
            env.classification().ifPresent(c -> context.withClassification(ctx, c, env.cases().likelyDuplicates(id)));
        }
        context.withOpenPgp(ctx, sc.encrypted(), env.decryptionFailure().orElse(null));
        String template = env.isNewCase() ? MailTemplates.MAINTAINER_NEW_CASE : MailTemplates.MAINTAINER_FOLLOW_UP;
        mail.send(env.connection(), id, PURPOSE, sc.encrypted(), maintainers.addresses(), earlierMailToMaintainers(thread),
                withheld -> templates.render(template, CaseMailContext.withheld(ctx, withheld)));
        env.cases().addEvent(new CaseEvent(id, env.now(), CaseEvent.SYSTEM, "maintainers-notified",
                (env.isNewCase() ? "new case" : "follow-up") + " sent to " + maintainers.addresses().size()
                        + " maintainer(s)" + (sc.encrypted() ? ", encrypted to those with a key" : "")));
    }

    /**
     * The Message-IDs of the mail about a case sectriage sent the maintainers so far, oldest first: what
     * a new mail to them is threaded to, so that each case is one thread in their mailboxes.
     */
    static List<String> earlierMailToMaintainers(List<CaseMessage> thread) {
        return thread.stream()
                .filter(m -> m.direction() == CaseMessage.Direction.OUT && TO_MAINTAINERS.contains(m.kind()))
                .map(CaseMessage::messageId)
                .toList();
    }

    static String lastOf(List<String> ids) {
        return ids.isEmpty() ? null : ids.get(ids.size() - 1);
    }
}

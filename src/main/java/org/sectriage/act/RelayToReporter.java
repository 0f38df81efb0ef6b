package org.sectriage.act;

import java.util.List;
import java.util.Map;
import org.sectriage.domain.CaseEvent;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.EmailAddress;
import org.sectriage.domain.SecurityCase;
import org.sectriage.outbox.Outbox;
import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.Step;
import org.sectriage.relay.RelayedReply;
import org.sectriage.relay.ReplyRelay;
import org.sectriage.sla.SlaEventType;
import org.sectriage.threading.Maintainers;

/**
 * Relays an authenticated maintainer's reply to the reporter from the security address: quotes,
 * signatures and command lines removed, so that the maintainer's own address and the team's internal
 * notes stay private; the other maintainers get a copy. {@code #internal} keeps it inside the team.
 * For an encrypted report the reply goes only encrypted: without the reporter's key it is held, and
 * the reporter is asked for their key.
 */
public final class RelayToReporter implements Step {

    public static final String PURPOSE = "relayed-reply";
    public static final String COPY = "maintainer-copy";
    public static final String KEY_REQUEST = "reporter-key-request";

    private final ReplyRelay relay;
    private final Outbox outbox;
    private final MailTemplates templates;
    private final CaseMailContext context;
    private final Maintainers maintainers;
    private final MaintainerMail maintainerMail;
    private final ReporterMail reporterMail;

    public RelayToReporter(ReplyRelay relay, Outbox outbox, MailTemplates templates, CaseMailContext context,
                           Maintainers maintainers, MaintainerMail maintainerMail, ReporterMail reporterMail) {
        this.relay = relay;
        this.outbox = outbox;
        this.templates = templates;
        this.context = context;
        this.maintainers = maintainers;
        this.maintainerMail = maintainerMail;
        this.reporterMail = reporterMail;
    }

    @Override
    public void apply(Envelope env) throws Exception {
        CaseId id = env.requireCase();
        SecurityCase sc = env.cases().find(id).orElseThrow();
        EmailAddress sender = env.parsed().from();
        RelayedReply reply = relay.relay(env.parsed().bodyText() == null ? "" : env.parsed().bodyText(), sender);
        if (!reply.strayCommandLines().isEmpty()) {
            tellSender(env, sc, sender, "Your reply was not relayed to the reporter: lines "
                    + reply.strayCommandLines() + " look like commands, but commands only count at the top of a"
                    + " reply. Move them to the top (for a note to the team only, start with #internal) and send"
                    + " it again.");
            env.cases().addEvent(new CaseEvent(id, env.now(), sender.address(), "reply-not-relayed",
                    "command lines below the top: " + reply.strayCommandLines()));
            return;
        }
        if (reply.isEmpty()) {
            if (!reply.commandsAtTop()) {
                tellSender(env, sc, sender, "Nothing of your reply was relayed to the reporter: once the quoted"
                        + " mail, the attribution line and your signature were taken off, no text of your own was left."
                        + " Write your answer outside the quote and send it again.");
                env.cases().addEvent(new CaseEvent(id, env.now(), sender.address(), "reply-not-relayed",
                        "no text of the maintainer's own once quotes and signature were removed"));
            }
            return;
        }
        Map<String, Object> values = context.forCase(sc);
        values.put("relayed", reply.text());
        values.put("maintainerName", maintainers.byAddress(sender).map(m -> m.name()).orElse(sender.address()));
        values.put("internal", env.isInternal());
        List<EmailAddress> others = maintainers.addresses().stream().filter(m -> !m.sameMailbox(sender)).toList();
        if (!others.isEmpty()) {
            maintainerMail.send(env.connection(), id, COPY, sc.encrypted(), others,
                    NotifyMaintainers.earlierMailToMaintainers(env.cases().messages(id)),
                    withheld -> templates.render(MailTemplates.MAINTAINER_COPY, CaseMailContext.withheld(values, withheld)));
        }
        if (env.isInternal()) {
            env.cases().addEvent(new CaseEvent(id, env.now(), sender.address(), "internal-note",
                    "kept inside the team (#internal)"));
            return;
        }
        if (!reporterMail.mayCarryContent(env.connection(), sc)) {
            reporterMail.send(env.connection(), sc, KEY_REQUEST, templates.render(MailTemplates.REPORTER_KEY_REQUEST,
                    context.forCase(sc)));
            tellSender(env, sc, sender, "Your reply was not relayed: this case's report arrived encrypted, and"
                    + " sectriage has no public key of the reporter to encrypt your reply to. The reporter was asked"
                    + " for their key; send your reply again once it has arrived (the case's event log shows it).");
            env.cases().addEvent(new CaseEvent(id, env.now(), sender.address(), "reply-held",
                    "encrypted case, no key of the reporter: the reporter was asked for one"));
            return;
        }
        reporterMail.send(env.connection(), sc, PURPOSE, templates.render(MailTemplates.RELAY_TO_REPORTER, values));
        env.cases().addEvent(new CaseEvent(id, env.now(), sender.address(), SlaEventType.TEAM_MESSAGE.caseEventType(),
                reply.text().lines().count() + " line(s) relayed to the reporter"));
        env.note("relayed to the reporter");
    }

    private void tellSender(Envelope env, SecurityCase sc, EmailAddress sender, String text) throws Exception {
        ApplyCommands.answerSender(outbox, templates, context, env, sc, sender, text, "");
    }
}

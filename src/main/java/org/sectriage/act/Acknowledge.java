package org.sectriage.act;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sectriage.config.SectriageConfig;
import org.sectriage.domain.CaseEvent;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.EmailAddress;
import org.sectriage.domain.SecurityCase;
import org.sectriage.outbox.Outbox;
import org.sectriage.outbox.OutgoingMail;
import org.sectriage.parse.ParsedMessage;
import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.Step;
import org.sectriage.threading.OpenCase;

/**
 * Acknowledges a new report at once: a reply to the reporter, threaded to the report, with the
 * case tag in the subject and the policy's timeline, unless an hourly limit is reached. The case
 * becomes acknowledged when the mail server has accepted the reply ({@link MarkAcknowledged}).
 */
public final class Acknowledge implements Step {

    public static final String PURPOSE = "acknowledgement";

    private final Outbox outbox;
    private final MailTemplates templates;
    private final CaseMailContext context;
    private final SectriageConfig.Acknowledgement limits;

    public Acknowledge(Outbox outbox, MailTemplates templates, CaseMailContext context,
                       SectriageConfig.Acknowledgement limits) {
        this.outbox = outbox;
        this.templates = templates;
        this.context = context;
        this.limits = limits;
    }

    @Override
    public void apply(Envelope env) throws Exception {
        CaseId id = env.requireCase();
        SecurityCase sc = env.cases().find(id).orElseThrow();
        EmailAddress reporter = sc.reporter();
        String withheld = reasonToWithhold(env, reporter);
        if (withheld != null) {
            env.cases().addEvent(new CaseEvent(id, env.now(), CaseEvent.SYSTEM, "acknowledgement-withheld", withheld));
            env.note("acknowledgement withheld: " + withheld);
            return;
        }
        ParsedMessage m = env.parsed();
        Map<String, Object> ctx = context.forMessage(sc, m, env.now());
        MailTemplates.RenderedMail rendered = templates.render(MailTemplates.ACKNOWLEDGEMENT, ctx);
        outbox.enqueue(env.connection(), new OutgoingMail(id, PURPOSE, List.of(reporter), null, rendered.subject(),
                rendered.body(), m.messageId(), threadReferences(m), OutgoingMail.AUTO_REPLIED));
        env.cases().addEvent(new CaseEvent(id, env.now(), CaseEvent.SYSTEM, "acknowledgement-queued",
                "to " + reporter.address()));
        env.note("acknowledged");
    }

    private String reasonToWithhold(Envelope env, EmailAddress reporter) throws Exception {
        if (reporter.sameMailbox(OpenCase.UNKNOWN_SENDER)) {
            return "the sender's address could not be read";
        }
        if (limits.maxPerSenderPerHour() == 0 || limits.maxPerHour() == 0) {
            return "acknowledgements are switched off (acknowledgement.max-per-sender-per-hour or max-per-hour is 0)";
        }
        java.time.Instant hourAgo = env.now().minus(Duration.ofHours(1));
        int toSender = outbox.countSince(env.connection(), PURPOSE, reporter, hourAgo);
        if (toSender >= limits.maxPerSenderPerHour()) {
            return "rate limit: " + toSender + " acknowledgements to " + reporter.address() + " in the last hour";
        }
        int toAnyone = outbox.countAllSince(env.connection(), PURPOSE, hourAgo);
        if (toAnyone >= limits.maxPerHour()) {
            return "rate limit: " + toAnyone + " acknowledgements in all in the last hour"
                    + " (acknowledgement.max-per-hour)";
        }
        return null;
    }

    /** The References of a reply: the report's own References, then the report's Message-ID. */
    static List<String> threadReferences(ParsedMessage m) {
        List<String> refs = new ArrayList<>(m.references());
        if (refs.isEmpty()) {
            refs.addAll(m.inReplyTo());
        }
        if (m.messageId() != null && !refs.contains(m.messageId())) {
            refs.add(m.messageId());
        }
        return refs;
    }
}

package org.sectriage.act;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.sectriage.config.SectriageConfig;
import org.sectriage.domain.CaseEvent;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.SecurityCase;
import org.sectriage.outbox.OutgoingMail;
import org.sectriage.parse.ParsedMessage;
import org.sectriage.pipeline.Step;
import org.sectriage.domain.EmailAddress;
import org.sectriage.outbox.Outbox;
import org.sectriage.pipeline.Envelope;
import org.sectriage.threading.OpenCase;

/**
 * An automatic answer to the sender of a new case's first message, threaded to it: an
 * acknowledgement, or a pointer to the tracker. Answers are capped per hour, per sender and in all:
 * sender addresses can be forged, so sectriage must not be made to mail one address, or everyone,
 * without bound. A message over a cap is still recorded and reaches the maintainers; the case's
 * event log says the answer was withheld and why.
 */
abstract class AutomaticAnswer implements Step {

    /** The outbox purposes that count against the caps. */
    static final List<String> PURPOSES = List.of(Acknowledge.PURPOSE, PointToTracker.PURPOSE);

    private final Outbox outbox;
    private final MailTemplates templates;
    private final SectriageConfig.Acknowledgement limits;
    private final String purpose;
    private final String template;
    protected final CaseMailContext context;

    AutomaticAnswer(Outbox outbox, MailTemplates templates, CaseMailContext context,
                    SectriageConfig.Acknowledgement limits, String purpose, String template) {
        this.outbox = outbox;
        this.templates = templates;
        this.context = context;
        this.limits = limits;
        this.purpose = purpose;
        this.template = template;
    }

    /**
     * The values the template is rendered with; by default the case, the message and its OpenPGP facts.
     *
     * @param encrypted true when the answer is encrypted to the recipient
     */
    protected Map<String, Object> values(Envelope env, SecurityCase sc, boolean encrypted) {
        Map<String, Object> ctx = context.forMessage(sc, env.parsed(), env.now());
        context.withOpenPgp(ctx, env.isEncrypted(), env.decryptionFailure().orElse(null));
        ctx.put("replyEncrypted", encrypted);
        // an answer in plaintext to a message that arrived encrypted quotes nothing of what was read in it
        return env.isEncrypted() && !encrypted ? CaseMailContext.withoutProblemDetails(ctx) : ctx;
    }

    /** The keys the answer is encrypted to; by default none. */
    protected List<PGPPublicKeyRing> encryptTo(Envelope env, SecurityCase sc) throws SQLException {
        return List.of();
    }

    /** The detail of the event that records the answer was queued to {@code to}. */
    protected abstract String queuedDetail(EmailAddress to);

    /** The note on the inbound message's record, e.g. "acknowledged". */
    protected abstract String note();

    @Override
    public final void apply(Envelope env) throws Exception {
        CaseId id = env.requireCase();
        SecurityCase sc = env.cases().find(id).orElseThrow();
        EmailAddress to = sc.reporter();
        String withheld = reasonToWithhold(env, to);
        if (withheld != null) {
            env.cases().addEvent(new CaseEvent(id, env.now(), CaseEvent.SYSTEM, purpose + "-withheld", withheld));
            env.note(purpose + " withheld: " + withheld);
            return;
        }
        ParsedMessage m = env.parsed();
        List<PGPPublicKeyRing> keys = encryptTo(env, sc);
        MailTemplates.RenderedMail rendered = templates.render(template, values(env, sc, !keys.isEmpty()));
        outbox.enqueueAutomaticAnswer(env.connection(), new OutgoingMail(id, purpose, List.of(to), null, rendered.subject(),
                rendered.body(), m.messageId(), threadReferences(m), OutgoingMail.AUTO_REPLIED).encryptedTo(keys));
        env.cases().addEvent(new CaseEvent(id, env.now(), CaseEvent.SYSTEM, purpose + "-queued", queuedDetail(to)));
        env.note(note());
    }

    /** Why {@code recipient} must not get an automatic answer now, or null when it may. */
    private String reasonToWithhold(Envelope env, EmailAddress recipient) throws SQLException {
        if (recipient.sameMailbox(OpenCase.UNKNOWN_SENDER)) {
            return "the sender's address could not be read";
        }
        if (limits.maxPerSenderPerHour() == 0 || limits.maxPerHour() == 0) {
            return "automatic answers are switched off (acknowledgement.max-per-sender-per-hour or max-per-hour is 0)";
        }
        Instant hourAgo = env.now().minus(Duration.ofHours(1));
        int toSender = 0;
        int toAnyone = 0;
        for (String counted : PURPOSES) {
            toSender += outbox.countSince(env.connection(), counted, recipient, hourAgo, limits.maxPerSenderPerHour());
            toAnyone += outbox.countAutomaticAnswersSince(env.connection(), counted, hourAgo, limits.maxPerHour());
        }
        if (toSender >= limits.maxPerSenderPerHour()) {
            return "rate limit: " + limits.maxPerSenderPerHour() + " automatic answers to " + recipient.address()
                    + " in the last hour (acknowledgement.max-per-sender-per-hour)";
        }
        if (toAnyone >= limits.maxPerHour()) {
            return "rate limit: " + limits.maxPerHour() + " automatic answers in all in the last hour"
                    + " (acknowledgement.max-per-hour)";
        }
        return null;
    }

    /** The References of a reply: the report's own References, then the report's Message-ID. */
    static List<String> threadReferences(ParsedMessage m) {
        List<String> refs = new java.util.ArrayList<>(m.references());
        if (refs.isEmpty()) {
            refs.addAll(m.inReplyTo());
        }
        if (m.messageId() != null && !refs.contains(m.messageId())) {
            refs.add(m.messageId());
        }
        return refs;
    }
}

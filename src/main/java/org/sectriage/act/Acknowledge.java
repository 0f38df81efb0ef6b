package org.sectriage.act;

import java.util.List;
import java.util.Map;
import org.sectriage.config.SectriageConfig;
import org.sectriage.domain.EmailAddress;
import org.sectriage.domain.SecurityCase;
import org.sectriage.outbox.Outbox;
import org.sectriage.pipeline.Envelope;

/**
 * Acknowledges a new report at once: a reply to the reporter, threaded to the report, with the
 * case tag in the subject, the policy's timeline and what the report lacks, unless an hourly limit
 * is reached. The case becomes acknowledged when the mail server has accepted the reply
 * ({@link MarkAcknowledged}).
 */
public final class Acknowledge extends AutomaticAnswer {

    public static final String PURPOSE = "acknowledgement";

    public Acknowledge(Outbox outbox, MailTemplates templates, CaseMailContext context,
                       SectriageConfig.Acknowledgement limits) {
        super(outbox, templates, context, limits, PURPOSE, MailTemplates.ACKNOWLEDGEMENT);
    }

    @Override
    protected Map<String, Object> values(Envelope env, SecurityCase sc) {
        Map<String, Object> ctx = super.values(env, sc);
        // The reporter learns what their report lacks; likely duplicates are for the maintainers only.
        env.classification().ifPresent(c -> context.withClassification(ctx, c, List.of()));
        return ctx;
    }

    @Override
    protected String queuedDetail(EmailAddress to) {
        return "to " + to.address();
    }

    @Override
    protected String note() {
        return "acknowledged";
    }
}

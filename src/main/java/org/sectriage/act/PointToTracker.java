package org.sectriage.act;

import org.sectriage.config.SectriageConfig;
import org.sectriage.domain.EmailAddress;
import org.sectriage.outbox.Outbox;

/**
 * Answers mail that is not about security with the public tracker's address, instead of an
 * acknowledgement. Its case stays closed as not-security unless a maintainer reopens it; a reply
 * from the reporter reaches the maintainers.
 */
public final class PointToTracker extends AutomaticAnswer {

    public static final String PURPOSE = "tracker-answer";

    public PointToTracker(Outbox outbox, MailTemplates templates, CaseMailContext context,
                          SectriageConfig.Acknowledgement limits) {
        super(outbox, templates, context, limits, PURPOSE, MailTemplates.NOT_SECURITY);
    }

    @Override
    protected String queuedDetail(EmailAddress to) {
        return "not about security: pointed " + to.address() + " to the public tracker";
    }

    @Override
    protected String note() {
        return "pointed to the tracker";
    }
}

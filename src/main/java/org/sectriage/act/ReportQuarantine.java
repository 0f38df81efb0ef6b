package org.sectriage.act;

import java.sql.Connection;
import java.util.Map;
import org.sectriage.outbox.Outbox;
import org.sectriage.outbox.OutgoingMail;
import org.sectriage.pipeline.Quarantine;
import org.sectriage.store.InboundStore.InboundRecord;
import org.sectriage.threading.Maintainers;

/**
 * Tells the maintainers that a message was quarantined: its number, size and the reason, never
 * its content, and how to retry it.
 */
public final class ReportQuarantine implements Quarantine {

    public static final String PURPOSE = "quarantine-notice";

    private final Outbox outbox;
    private final MailTemplates templates;
    private final CaseMailContext context;
    private final Maintainers maintainers;

    public ReportQuarantine(Outbox outbox, MailTemplates templates, CaseMailContext context, Maintainers maintainers) {
        this.outbox = outbox;
        this.templates = templates;
        this.context = context;
        this.maintainers = maintainers;
    }

    @Override
    public void quarantined(Connection connection, InboundRecord message, String reason) throws Exception {
        Map<String, Object> ctx = context.forQuarantine(message.id(), message.size(), message.fetchedAt(), reason);
        MailTemplates.RenderedMail mail = templates.render(MailTemplates.MAINTAINER_QUARANTINE, ctx);
        outbox.enqueue(connection, new OutgoingMail(null, PURPOSE, maintainers.addresses(), null, mail.subject(),
                mail.body(), null, java.util.List.of(), OutgoingMail.AUTO_GENERATED));
    }
}

package org.sectriage.act;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sectriage.domain.CaseEvent;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.EmailAddress;
import org.sectriage.domain.SecurityCase;
import org.sectriage.outbox.OutgoingMail;
import org.sectriage.outbox.Outbox;
import org.sectriage.sla.Deadline;
import org.sectriage.sla.Deadlines;
import org.sectriage.sla.Notice;
import org.sectriage.sla.NoticeKind;
import org.sectriage.sla.SlaCheck;
import org.sectriage.store.DeadlineStore;
import org.sectriage.store.JdbcCaseStore;
import org.sectriage.threading.Maintainers;

/**
 * Sends what the SLA clock owes one case now: reminders of the first-response deadline to the primary
 * coordinators, and escalations after a silence to the secondary ones (or, without any, to every
 * maintainer), with the case's summary and history; and tells the reporter, once, that the case was
 * escalated. Each notice is recorded in the event log in the same transaction, so it goes out once.
 */
public final class SendDeadlineNotices {

    public static final String REMINDER = "deadline-reminder";
    public static final String ESCALATION = "escalation";
    public static final String REPORTER_ESCALATION = "escalation-notice";
    public static final String DISCLOSURE_REMINDER = "disclosure-reminder";
    /** The event that records that the reporter was told of an escalation. */
    static final String REPORTER_TOLD = "reporter-told-of-escalation";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private final CaseDeadlines deadlines;
    private final Outbox outbox;
    private final MailTemplates templates;
    private final CaseMailContext context;
    private final Maintainers maintainers;
    private final MaintainerMail mail;
    private final ReporterMail reporterMail;
    private final boolean tellReporter;
    private final DeadlineStore store = new DeadlineStore();

    public SendDeadlineNotices(CaseDeadlines deadlines, Outbox outbox, MailTemplates templates, CaseMailContext context,
                               Maintainers maintainers, MaintainerMail mail, boolean tellReporter) {
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.templates = templates;
        this.context = context;
        this.maintainers = maintainers;
        this.mail = mail;
        this.reporterMail = new ReporterMail(outbox);
        this.tellReporter = tellReporter;
    }

    /** Sends what case {@code id} is owed at {@code now}, in the transaction of {@code c}; returns how many notices. */
    public int send(Connection c, CaseId id, Instant now) throws SQLException {
        SlaCheck check = deadlines.update(c, id, now);
        if (check.due().isEmpty()) {
            return 0;
        }
        JdbcCaseStore cases = new JdbcCaseStore(c);
        SecurityCase sc = cases.find(id).orElseThrow();
        Deadlines current = store.find(c, id).orElseThrow().deadlines();
        for (Notice notice : check.due()) {
            switch (notice.kind()) {
                case ESCALATION -> escalate(c, cases, sc, current, notice, now);
                case DISCLOSURE_REMINDER -> remindOfDisclosure(c, cases, sc, current, notice, now);
                default -> remind(c, cases, sc, current, notice, now);
            }
        }
        deadlines.update(c, id, now);
        return check.due().size();
    }

    private void remind(Connection c, JdbcCaseStore cases, SecurityCase sc, Deadlines current, Notice notice,
                        Instant now) throws SQLException {
        List<EmailAddress> to = maintainers.primaryCoordinators();
        Map<String, Object> ctx = values(cases, sc, current, now);
        ctx.put("atDeadline", notice.kind() == NoticeKind.REMINDER_AT_DEADLINE);
        toMaintainers(c, cases, sc, REMINDER, to, MailTemplates.COORDINATOR_REMINDER, ctx);
        Deadline response = current.firstResponse();
        cases.addEvent(new CaseEvent(sc.id(), now, CaseEvent.SYSTEM, notice.kind().recordedAs().caseEventType(),
                "first response " + response.state(now).render(context.zone()) + ": reminded "
                        + addresses(to)));
    }

    private void escalate(Connection c, JdbcCaseStore cases, SecurityCase sc, Deadlines current, Notice notice,
                          Instant now) throws SQLException {
        List<EmailAddress> secondary = maintainers.secondaryCoordinators();
        List<EmailAddress> to = secondary.isEmpty() ? maintainers.addresses() : secondary;
        Map<String, Object> ctx = values(cases, sc, current, now);
        // the start of the silence itself: the due time less the limit would be wrong in business time, and
        // at a second escalation of one silence would give the first escalation's time
        ctx.put("silentSince", WHEN.format(Deadlines.silenceStart(store.timeline(c, sc.id())).atZone(context.zone())));
        ctx.put("noSecondary", secondary.isEmpty());
        toMaintainers(c, cases, sc, ESCALATION, to, MailTemplates.COORDINATOR_ESCALATION, ctx);
        cases.addEvent(new CaseEvent(sc.id(), now, CaseEvent.SYSTEM, notice.kind().recordedAs().caseEventType(),
                "the reporter has heard nothing for " + CaseMailContext.humanLimit(deadlines.policy().silence())
                        + ": escalated to " + addresses(to) + (secondary.isEmpty() ? " (no secondary coordinator)" : "")));
        boolean told = cases.events(sc.id()).stream().anyMatch(e -> REPORTER_TOLD.equals(e.type()));
        if (tellReporter && !told && !sc.reporter().sameMailbox(org.sectriage.threading.OpenCase.UNKNOWN_SENDER)) {
            MailTemplates.RenderedMail mail = templates.render(MailTemplates.REPORTER_ESCALATION, ctx);
            List<String> thread = cases.messages(sc.id()).stream()
                    .filter(m -> m.direction() == org.sectriage.domain.CaseMessage.Direction.OUT
                            && Acknowledge.PURPOSE.equals(m.kind()))
                    .map(org.sectriage.domain.CaseMessage::messageId).toList();
            outbox.enqueue(c, new OutgoingMail(sc.id(), REPORTER_ESCALATION, List.of(sc.reporter()), null,
                    mail.subject(), mail.body(), NotifyMaintainers.lastOf(thread), thread,
                    OutgoingMail.AUTO_GENERATED));
            cases.addEvent(new CaseEvent(sc.id(), now, CaseEvent.SYSTEM, REPORTER_TOLD,
                    "told " + sc.reporter().address() + " that the case was escalated"));
        }
    }

    private void remindOfDisclosure(Connection c, JdbcCaseStore cases, SecurityCase sc, Deadlines current,
                                    Notice notice, Instant now) throws SQLException {
        Map<String, Object> ctx = values(cases, sc, current, now);
        String date = current.disclosure().map(d -> d.due().atZone(context.zone()).toLocalDate().toString()).orElse("");
        ctx.put("embargoDate", date);
        ctx.put("toReporter", false);
        toMaintainers(c, cases, sc, DISCLOSURE_REMINDER, maintainers.addresses(), MailTemplates.DISCLOSURE_REMINDER, ctx);
        Map<String, Object> forReporter = new HashMap<>(ctx);
        forReporter.put("toReporter", true);
        reporterMail.send(c, sc, DISCLOSURE_REMINDER, templates.render(MailTemplates.DISCLOSURE_REMINDER, forReporter));
        cases.addEvent(new CaseEvent(sc.id(), now, CaseEvent.SYSTEM, notice.kind().recordedAs().caseEventType(),
                "the embargo ends " + date + ": the team and the reporter were reminded"));
    }

    private void toMaintainers(Connection c, JdbcCaseStore cases, SecurityCase sc, String purpose,
                               List<EmailAddress> to, String template, Map<String, Object> ctx) throws SQLException {
        mail.send(c, sc.id(), purpose, sc.encrypted(), to, NotifyMaintainers.earlierMailToMaintainers(cases.messages(sc.id())),
                withheld -> templates.render(template, CaseMailContext.withheld(ctx, withheld)));
    }

    /** The case, its classification, its deadlines with their states, and its event log. */
    private Map<String, Object> values(JdbcCaseStore cases, SecurityCase sc, Deadlines current, Instant now) {
        Map<String, Object> ctx = context.forCase(sc);
        cases.classification(sc.id()).ifPresent(k -> context.withClassification(ctx, k, cases.likelyDuplicates(sc.id())));
        ctx.put("openedAt", WHEN.format(sc.openedAt().atZone(context.zone())));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Deadline d : current.all()) {
            Map<String, Object> row = new HashMap<>();
            row.put("name", d.kind().label());
            row.put("due", d.dueAt().map(at -> WHEN.format(at.atZone(context.zone()))).orElse("paused"));
            row.put("state", d.state(now).render(context.zone()));
            rows.add(row);
        }
        ctx.put("deadlines", rows);
        List<Map<String, Object>> history = new ArrayList<>();
        for (CaseEvent e : cases.events(sc.id())) {
            history.add(Map.of("at", WHEN.format(e.at().atZone(context.zone())), "actor", e.actor(), "type", e.type(),
                    "detail", e.detail() == null ? "" : e.detail()));
        }
        ctx.put("history", history);
        return ctx;
    }

    private static String addresses(List<EmailAddress> to) {
        return String.join(", ", to.stream().map(EmailAddress::address).toList());
    }
}

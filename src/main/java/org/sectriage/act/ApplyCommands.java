package org.sectriage.act;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.sectriage.command.CaseFile;
import org.sectriage.command.CommandContext;
import org.sectriage.command.CommandOutcome;
import org.sectriage.command.Effects;
import org.sectriage.command.MaintainerCommands;
import org.sectriage.command.ParsedCommands;
import org.sectriage.command.ReporterNotice;
import org.sectriage.domain.CaseEvent;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.EmailAddress;
import org.sectriage.domain.SecurityCase;
import org.sectriage.outbox.OutgoingMail;
import org.sectriage.outbox.Outbox;
import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.Step;
import org.sectriage.sla.SlaEvent;
import org.sectriage.threading.Maintainers;

/**
 * Applies the commands at the top of an authenticated maintainer's reply ({@code #confirm},
 * {@code #reject <reason>}, {@code #cvss …}, …) to its case, all or nothing, and carries out what
 * they cause: the event log, the SLA clock, the reporter's updates, help. Invalid commands get a reply
 * to the sender saying what was wrong and how to write it; then nothing is applied or relayed.
 */
public final class ApplyCommands implements Step {

    public static final String COMMAND_REPLY = "command-reply";
    public static final String REPORTER_UPDATE = "reporter-update";

    private final MaintainerCommands commands;
    private final Outbox outbox;
    private final MailTemplates templates;
    private final CaseMailContext context;
    private final Maintainers maintainers;
    private final ReporterMail reporterMail;
    private final Duration longestEmbargo;
    private final ZoneId zone;

    public ApplyCommands(MaintainerCommands commands, Outbox outbox, MailTemplates templates, CaseMailContext context,
                         Maintainers maintainers, ReporterMail reporterMail, Duration longestEmbargo, ZoneId zone) {
        this.commands = commands;
        this.outbox = outbox;
        this.templates = templates;
        this.context = context;
        this.maintainers = maintainers;
        this.reporterMail = reporterMail;
        this.longestEmbargo = longestEmbargo;
        this.zone = zone;
    }

    @Override
    public void apply(Envelope env) throws Exception {
        String body = env.parsed().bodyText() == null ? "" : env.parsed().bodyText();
        ParsedCommands parsed = commands.parse(body);
        if (parsed instanceof ParsedCommands.Valid valid && valid.isEmpty()) {
            return;
        }
        CaseId id = env.requireCase();
        SecurityCase sc = env.cases().find(id).orElseThrow();
        EmailAddress sender = env.parsed().from();
        if (parsed instanceof ParsedCommands.Invalid invalid) {
            refuse(env, sc, sender, new CommandOutcome.Refused(invalid.errors()).message());
            return;
        }
        CaseFile file = env.cases().caseFile(id).orElseThrow();
        CommandContext ctx = new CommandContext(sender, Clock.fixed(env.now(), zone), longestEmbargo,
                maintainers.addresses(), other -> env.cases().find(other).isPresent());
        CommandOutcome outcome = commands.apply(file, (ParsedCommands.Valid) parsed, ctx);
        if (outcome instanceof CommandOutcome.Refused refused) {
            refuse(env, sc, sender, refused.message());
            return;
        }
        CommandOutcome.Applied applied = (CommandOutcome.Applied) outcome;
        Effects effects = applied.effects();
        env.cases().saveCaseFile(applied.caseFile(), env.now());
        for (CaseEvent event : effects.events()) {
            env.cases().addEvent(event);
        }
        java.util.Set<String> logged = new java.util.HashSet<>();
        effects.events().forEach(e -> logged.add(e.type()));
        for (SlaEvent event : effects.slaEvents()) {
            // the SLA clock reads the event log: an event the commands logged already counts
            if (logged.add(event.type().caseEventType())) {
                env.cases().addEvent(new CaseEvent(id, event.at(), sender.address(), event.type().caseEventType(),
                        "by command of " + sender.address()));
            }
        }
        SecurityCase updated = env.cases().find(id).orElseThrow();
        for (ReporterNotice notice : effects.notices()) {
            tellReporter(env, updated, notice);
        }
        if (effects.help().isPresent()) {
            replyTo(env, sc, sender, "", effects.help().get());
        }
        env.setInternal(effects.internal());
        env.note("commands applied: " + ((ParsedCommands.Valid) parsed).invocations().size());
    }

    private void refuse(Envelope env, SecurityCase sc, EmailAddress sender, String errors) throws Exception {
        replyTo(env, sc, sender, errors, commands.helpText());
        env.cases().addEvent(new CaseEvent(sc.id(), env.now(), sender.address(), "commands-refused",
                errors.replace('\n', ' ')));
        env.stop("commands refused; nothing applied, nothing relayed");
    }

    private void replyTo(Envelope env, SecurityCase sc, EmailAddress sender, String errors, String help)
            throws Exception {
        answerSender(outbox, templates, context, env, sc, sender, errors, help);
    }

    /** Answers the maintainer who wrote the message of {@code env}, and only them: {@code errors}, then {@code help}. */
    static void answerSender(Outbox outbox, MailTemplates templates, CaseMailContext context, Envelope env,
                             SecurityCase sc, EmailAddress sender, String errors, String help) throws Exception {
        Map<String, Object> values = context.forCase(sc);
        values.put("errors", errors);
        values.put("hasErrors", !errors.isEmpty());
        values.put("help", help);
        MailTemplates.RenderedMail mail = templates.render(MailTemplates.COMMAND_REPLY, values);
        outbox.enqueue(env.connection(), new OutgoingMail(sc.id(), COMMAND_REPLY, List.of(sender), null, mail.subject(),
                mail.body(), env.parsed().messageId(), AutomaticAnswer.threadReferences(env.parsed()),
                OutgoingMail.AUTO_REPLIED));
    }

    private void tellReporter(Envelope env, SecurityCase sc, ReporterNotice notice) throws Exception {
        Map<String, Object> values = context.forCase(sc);
        values.put("update", Map.of(notice.kind().name().toLowerCase(java.util.Locale.ROOT).replace("_", ""), true));
        values.put("detail", notice.detail() == null ? "" : notice.detail());
        values.put("withheld", !reporterMail.mayCarryContent(env.connection(), sc));
        reporterMail.send(env.connection(), sc, REPORTER_UPDATE, templates.render(MailTemplates.REPORTER_UPDATE, values));
        // a message of the team to the reporter, for the SLA clock as a relayed reply (SlaEventType.TEAM_MESSAGE)
        env.cases().addEvent(new CaseEvent(sc.id(), env.now(), CaseEvent.SYSTEM, "reporter-told",
                "the reporter was told: " + notice.kind().label()));
    }
}

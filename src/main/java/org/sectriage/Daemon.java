package org.sectriage;

import java.time.Clock;
import java.time.Duration;
import org.quartz.JobKey;
import java.util.List;
import java.util.Map;
import org.sectriage.act.Acknowledge;
import org.sectriage.act.CaseDeadlines;
import org.sectriage.act.CheckDeadlines;
import org.sectriage.act.CheckDeadlinesJob;
import org.sectriage.act.SendDeadlineNotices;
import org.sectriage.act.UpdateDeadlines;
import org.sectriage.act.CaseMailContext;
import org.sectriage.act.MailTemplates;
import org.sectriage.act.MarkAcknowledged;
import org.sectriage.act.NotifyMaintainers;
import org.sectriage.act.ReportQuarantine;
import org.sectriage.classify.AnalyseText;
import org.sectriage.classify.AutomatedMailDetector;
import org.sectriage.act.ApplyCommands;
import org.sectriage.act.AuthenticateMaintainer;
import org.sectriage.act.MaintainerAuthenticator;
import org.sectriage.act.MaintainerMail;
import org.sectriage.act.RecordCreditPreference;
import org.sectriage.act.RelayToReporter;
import org.sectriage.act.ReporterMail;
import org.sectriage.command.CommandRegistry;
import org.sectriage.command.MaintainerCommands;
import org.sectriage.relay.ReplyRelay;
import org.sectriage.act.PointToTracker;
import org.sectriage.crypto.ConfiguredKeys;
import org.sectriage.crypto.DecryptPgp;
import org.sectriage.crypto.DecryptionLimits;
import org.sectriage.crypto.DetectSmimeEncryption;
import org.sectriage.crypto.FindOfferedKeys;
import org.sectriage.crypto.LearnReporterKey;
import org.sectriage.crypto.MessageDecryptor;
import org.sectriage.crypto.UnusableSecretKeyException;
import org.sectriage.crypto.VerifySignature;
import org.sectriage.classify.ClassifierSetup;
import org.sectriage.classify.ClassifyReport;
import org.sectriage.classify.DetectAutomatedMail;
import org.sectriage.classify.FlagLikelyDuplicates;
import org.sectriage.classify.report.DuplicateFinder;
import org.sectriage.classify.report.ReportClassifier;
import org.sectriage.config.SectriageConfig;
import org.sectriage.ingest.ImapMailboxClient;
import org.sectriage.ingest.MailboxClient;
import org.sectriage.ingest.MailboxIngester;
import org.sectriage.ingest.MailboxWatcher;
import org.sectriage.outbox.MailComposer;
import org.sectriage.outbox.OutboundMailer;
import org.sectriage.outbox.Outbox;
import org.sectriage.outbox.OutboxSender;
import org.sectriage.outbox.SendOutboxJob;
import org.sectriage.outbox.SmtpOutboundMailer;
import org.sectriage.parse.MimeParser;
import org.sectriage.parse.ParseLimits;
import org.sectriage.parse.ParseMime;
import org.sectriage.pipeline.Pipeline;
import org.sectriage.pipeline.PipelineRunner;
import org.sectriage.pipeline.PipelineWorker;
import org.sectriage.store.Database;
import org.sectriage.store.InboundStore;
import org.sectriage.store.OutboxStore;
import org.sectriage.store.SentJournal;
import org.sectriage.threading.AttachToCase;
import org.sectriage.threading.Maintainers;
import org.sectriage.threading.OpenCase;
import org.sectriage.threading.RecordMessage;
import org.sectriage.threading.RestoreListAuthor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running sectriage: the mailbox watcher and the pipeline each on its own thread, the outbox on a
 * Quartz timer, and the database they share. This is the one place where the parts are wired together.
 */
public final class Daemon implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    /** How long a stop waits for the message in hand; well inside systemd's TimeoutStopSec=30. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final Database db;
    private final MailboxWatcher watcher;
    private final OutboxSender outboxSender;
    private final SentJournal sentJournal;
    private final PipelineRunner runner;
    private final Timers timers;
    private final JobKey sendOutbox;
    private final JobKey checkDeadlines;
    private final CheckDeadlines deadlineChecker;
    private final SectriageConfig config;
    private Thread watcherThread;
    private final PipelineWorker pipelineWorker;
    private Thread pipelineThread;

    /** Opens the configured database and wires a daemon to the configured IMAP and SMTP servers. */
    public static Daemon create(SectriageConfig config, Clock clock) {
        SectriageConfig.Database d = config.database();
        Database db = Database.open(d.url(), d.user(), d.password() == null ? null : d.password().read());
        try {
            return new Daemon(config, clock, db, new ImapMailboxClient(config.mailbox()),
                    new SmtpOutboundMailer(config.smtp()));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public Daemon(SectriageConfig config, Clock clock, Database db, MailboxClient mailbox, OutboundMailer mailer) {
        this.config = config;
        this.db = db;
        InboundStore inbound = new InboundStore();
        OutboxStore outboxStore = new OutboxStore();
        Maintainers maintainers = new Maintainers(config.maintainers());
        ReportClassifier classifier = ClassifierSetup.classifier(config.classification(),
                config.project().securityAddress().normalized());
        CaseMailContext context = CaseMailContext.of(config, classifier);
        MailTemplates templates = MailTemplates.load(config.templates().directory()).verifiedWith(context.sample());
        ConfiguredKeys keys = ConfiguredKeys.load(config);
        Outbox outbox = new Outbox(composer(config, keys, clock), outboxStore, config.project().securityAddress(), clock);
        SectriageConfig.Limits l = config.limits();
        MimeParser parser = new MimeParser(new ParseLimits(l.maxMessageSize(), l.maxHeaderCount(),
                l.maxHeaderLength(), l.maxLineLength(), l.maxNestingDepth(), l.maxBodyText()));
        // the first of openpgp.secret-keys is the current key, which reporters are asked to encrypt to; the
        // others are rotated out and only decrypt old mail
        context.withOurKeys(keys.secret().fingerprints().stream().limit(1).toList());
        MessageDecryptor decryptor = keys.canDecrypt() ? new MessageDecryptor(keys.secret(),
                new DecryptionLimits(config.openpgp().maxPlaintextSize(), config.openpgp().decryptTimeLimit()), clock)
                : null;
        MaintainerMail maintainerMail = new MaintainerMail(outbox, keys.maintainers(),
                config.openpgp().maintainersWithoutKey(), config.project().securityAddress());
        ReporterMail reporterMail = new ReporterMail(outbox);
        CaseDeadlines deadlines = new CaseDeadlines(config.policy().sla(), clock);
        Pipeline pipeline = InboundPipeline.of(new InboundPipeline.Steps(
                new ParseMime(parser),
                new DecryptPgp(decryptor, parser, keys.secret().fingerprints()),
                new RestoreListAuthor(config.project().securityAddress(), maintainers),
                new DetectSmimeEncryption(),
                new DetectAutomatedMail(new AutomatedMailDetector(config.project().securityAddress().normalized())),
                new AnalyseText(classifier),
                new FindOfferedKeys(),
                new LearnReporterKey(),
                new VerifySignature(List.copyOf(keys.maintainers().values())),
                new AttachToCase(maintainers),
                new ClassifyReport(classifier, config.classification()),
                new OpenCase(maintainers, config.project().timeZone()),
                new RecordMessage(),
                new FlagLikelyDuplicates(new DuplicateFinder(config.classification().duplicateThreshold())),
                new Acknowledge(outbox, templates, context, config.acknowledgement()),
                new PointToTracker(outbox, templates, context, config.acknowledgement()),
                new NotifyMaintainers(templates, context, maintainers, maintainerMail),
                new AuthenticateMaintainer(new MaintainerAuthenticator(config.maintainerAuthentication(),
                        keys.maintainers()), templates, context, maintainers, maintainerMail),
                new ApplyCommands(MaintainerCommands.standard(), outbox, templates, context, maintainers, reporterMail,
                        config.policy().longestEmbargo(), config.project().timeZone()),
                new RelayToReporter(new ReplyRelay(maintainers.addresses(), CommandRegistry.standard()), outbox,
                        templates, context, maintainers, maintainerMail, reporterMail),
                new RecordCreditPreference(),
                new UpdateDeadlines(deadlines)));
        this.sentJournal = SentJournal.of(db);
        try {
            this.outboxSender = new OutboxSender(db, outboxStore, mailer, config.outbox(), clock,
                    new MarkAcknowledged(deadlines), sentJournal);
            this.deadlineChecker = new CheckDeadlines(db, new SendDeadlineNotices(deadlines, outbox, templates,
                    context, maintainers, maintainerMail, config.policy().tellReporterOfEscalation()), clock,
                    this::sendOutboxSoon);
            this.timers = Timers.on(db, Map.of(SendOutboxJob.SENDER, outboxSender, CheckDeadlinesJob.CHECKER,
                    deadlineChecker));
            this.sendOutbox = timers.every("send-outbox", SendOutboxJob.class, config.outbox().drainInterval());
            this.checkDeadlines = timers.every("check-deadlines", CheckDeadlinesJob.class,
                    config.policy().checkInterval());
            this.runner = new PipelineRunner(pipeline, db, inbound, clock, this::sendOutboxSoon,
                    new ReportQuarantine(outbox, templates, context, maintainers));
            this.pipelineWorker = new PipelineWorker(runner);
            MailboxIngester ingester = new MailboxIngester(mailbox, db, inbound, clock, config.mailbox().fetchBatch(),
                    pipelineWorker::mailStored);
            this.watcher = new MailboxWatcher(mailbox, ingester, config.mailbox().pollInterval(),
                    config.mailbox().idleRefresh());
        } catch (RuntimeException | Error e) {
            sentJournal.close();
            throw e;
        }
        LOG.info("pipeline: {}", pipeline.describe());
    }

    /** The composer of outgoing mail: signed with the team's key when one is configured and openpgp.sign-outgoing is on. */
    private static MailComposer composer(SectriageConfig config, ConfiguredKeys keys, Clock clock) {
        String name = config.project().name() + " Security";
        if (!config.openpgp().signOutgoing() || !keys.canDecrypt()) {
            return new MailComposer(config.project().securityAddress(), name, clock);
        }
        try {
            return new MailComposer(config.project().securityAddress(), name, clock, keys.secret());
        } catch (UnusableSecretKeyException e) {
            throw new IllegalStateException("openpgp.secret-keys: the first key cannot sign mail (openpgp.sign-outgoing):"
                    + " " + e.getMessage(), e);
        }
    }

    /**
     * Starts the timers, the pipeline and, once the pipeline has taken what was stored before, the mailbox
     * watcher; returns at once.
     */
    public synchronized void start() {
        outboxSender.recordSent(); // what a crash left in the outbox's journal, before the SLA clock reads the outbox
        timers.start();
        pipelineThread = exitingOnDeath(new Thread(pipelineWorker, "sectriage-pipeline"), "the pipeline");
        watcherThread = exitingOnDeath(new Thread(() -> {
            if (pipelineWorker.awaitFirstRound()) {
                watcher.run();
            }
        }, "sectriage-mailbox"), "the mailbox watcher");
        pipelineThread.start();
        watcherThread.start();
        LOG.info("sectriage started for {}", config.project().securityAddress().address());
        org.sectriage.config.PlaintextLogins.of(config).forEach(LOG::warn);
    }

    /**
     * {@code thread}, made to end the process when it dies. Its loop handles every failure it can; what
     * reaches here (out of memory, a VM error) leaves the daemon unable to take mail, so it exits for systemd
     * to restart it. A message that causes this again and again is quarantined by its attempt count.
     */
    private static Thread exitingOnDeath(Thread thread, String what) {
        thread.setUncaughtExceptionHandler((t, e) -> {
            LOG.error("{} died; exiting so that the service manager restarts sectriage", what, e);
            new Thread(() -> System.exit(70), "sectriage-exit").start();
        });
        return thread;
    }

    /** Has the outbox looked at now rather than at its next tick. */
    public void sendOutboxSoon() {
        timers.runNow(sendOutbox);
    }

    /** Has the SLA clock look at the cases that are due now rather than at its next tick. */
    public void checkDeadlinesSoon() {
        timers.runNow(checkDeadlines);
    }

    /** Checks the deadlines of the cases that are due, in the calling thread; returns how many notices were queued. */
    public int checkDeadlinesNow() {
        return deadlineChecker.checkDue();
    }

    /**
     * Ends a wait for new mail at once (e.g. after mail was delivered in a demo or test), and has the pipeline
     * look at what is stored (e.g. a message an admin queued again).
     */
    public void checkMailboxNow() {
        watcher.poke();
        pipelineWorker.mailStored();
    }

    /**
     * Stops after the message in hand: no message is left half-processed, since each is one
     * transaction. Mail queued but not yet sent stays in the outbox for the next start.
     */
    public synchronized void stop() {
        if (watcherThread == null) {
            return;
        }
        LOG.info("stopping");
        watcher.stop();
        pipelineWorker.stop();
        outboxSender.stop();
        try {
            awaitEnd(watcherThread, "the mailbox watcher");
            awaitEnd(pipelineThread, "the pipeline");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timers.stop();
        watcherThread = null;
        pipelineThread = null;
        LOG.info("stopped");
    }

    private static void awaitEnd(Thread thread, String what) throws InterruptedException {
        thread.join(STOP_WAIT.toMillis());
        if (thread.isAlive()) {
            LOG.warn("{} did not stop within {}s", what, STOP_WAIT.toSeconds());
            thread.interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        runner.close();
        timers.stop();
        sentJournal.close();
        db.close();
    }

    public Database database() {
        return db;
    }

    public OutboxSender outboxSender() {
        return outboxSender;
    }

    public long watcherCycles() {
        return watcher.cycles();
    }

    /** How many times the pipeline has run over what was stored; for tests. */
    public long pipelineRounds() {
        return pipelineWorker.rounds();
    }

    /** How many times the pipeline's run failed, to be tried again; for tests. */
    public long failedPipelineRounds() {
        return pipelineWorker.failedRounds();
    }
}

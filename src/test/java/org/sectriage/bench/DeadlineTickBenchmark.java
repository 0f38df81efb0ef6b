package org.sectriage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sectriage.act.CaseDeadlines;
import org.sectriage.act.CaseMailContext;
import org.sectriage.act.CheckDeadlines;
import org.sectriage.act.MailTemplates;
import org.sectriage.act.MaintainerMail;
import org.sectriage.act.SendDeadlineNotices;
import org.sectriage.classify.ClassifierSetup;
import org.sectriage.config.SectriageConfig;
import org.sectriage.outbox.MailComposer;
import org.sectriage.outbox.Outbox;
import org.sectriage.store.Database;
import org.sectriage.store.OutboxStore;
import org.sectriage.testing.TestConfig;
import org.sectriage.threading.Maintainers;

/**
 * The cost of one tick of the SLA clock in a database of {@code cases} cases, most of them closed, of
 * which {@code due} have their next check due: the tick must cost in proportion to {@code due}, not
 * to {@code cases}. Each measured tick finds the {@code due} cases (reset to due before each tick),
 * loads their timelines, checks them and stores their deadlines.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
public class DeadlineTickBenchmark {

    /** Every tenth case is open; the others were closed. */
    private static final int OPEN_EVERY = 10;

    @Param({"10000", "100000"})
    public int cases;

    @Param({"10", "1000"})
    public int due;

    private Path dir;
    private Database db;
    private CheckDeadlines tick;
    private final Instant now = Instant.parse("2026-11-30T12:00:00Z");

    @Setup(Level.Trial)
    public void fillDatabase() throws Exception {
        dir = Files.createTempDirectory("sectriage-bench-");
        SectriageConfig config = TestConfig.of(1, 1, dir);
        db = Database.open(config.database().url(), "sectriage", null);
        db.run(this::insertCases);
        Maintainers maintainers = new Maintainers(config.maintainers());
        CaseMailContext context = CaseMailContext.of(config, ClassifierSetup.classifier(config.classification(),
                config.project().securityAddress().normalized()));
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        Outbox outbox = new Outbox(new MailComposer(config.project().securityAddress(), "Security", clock),
                new OutboxStore(), config.project().securityAddress(), clock);
        CaseDeadlines deadlines = new CaseDeadlines(config.policy().sla(), clock);
        tick = new CheckDeadlines(db, new SendDeadlineNotices(deadlines, outbox, MailTemplates.load(null), context,
                maintainers, new MaintainerMail(outbox, java.util.Map.of(), config.openpgp().maintainersWithoutKey(),
                config.project().securityAddress()), true), clock, () -> { });
        // The first tick sends what the due cases are owed once; the measured ticks find them due again
        // (see makeDue) and check them, as a tick does for a case whose next deadline has come.
        makeDue();
        tick.checkDue();
    }

    /** Cases opened over the last 400 days; the closed ones have no next check, the open ones a future one. */
    private void insertCases(Connection c) throws Exception {
        try (PreparedStatement sc = c.prepareStatement("INSERT INTO security_case (id, state, subject, reporter,"
                + " opened_at, updated_at) VALUES (?, ?, 'benchmark case', 'reporter@example.net', ?, ?)");
             PreparedStatement ev = c.prepareStatement("INSERT INTO case_event (case_id, at, actor, type, detail)"
                     + " VALUES (?, ?, 'sectriage', ?, 'benchmark')");
             PreparedStatement dl = c.prepareStatement("INSERT INTO case_deadline (case_id, closed, next_check_at,"
                     + " computed_at) VALUES (?, ?, ?, ?)")) {
            for (int i = 1; i <= cases; i++) {
                String id = String.format("SEC-%04d-%04d", 2000 + (i - 1) / 9999, (i - 1) % 9999 + 1);
                boolean open = i % OPEN_EVERY == 0;
                Instant opened = now.minus(Duration.ofMinutes((long) i * 400 * 24 * 60 / cases));
                sc.setString(1, id);
                sc.setString(2, open ? "acknowledged" : "closed");
                sc.setObject(3, opened.atOffset(ZoneOffset.UTC));
                sc.setObject(4, opened.atOffset(ZoneOffset.UTC));
                sc.addBatch();
                for (String type : open ? new String[] {"case-opened", "acknowledgement-sent"}
                        : new String[] {"case-opened", "acknowledgement-sent", "closed"}) {
                    ev.setString(1, id);
                    ev.setObject(2, opened.atOffset(ZoneOffset.UTC));
                    ev.setString(3, type);
                    ev.addBatch();
                }
                dl.setString(1, id);
                dl.setBoolean(2, !open);
                dl.setObject(3, open ? now.plus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC) : null);
                dl.setObject(4, opened.atOffset(ZoneOffset.UTC));
                dl.addBatch();
                if (i % 1000 == 0) {
                    sc.executeBatch();
                    ev.executeBatch();
                    dl.executeBatch();
                }
            }
            sc.executeBatch();
            ev.executeBatch();
            dl.executeBatch();
        }
    }

    /** Makes the {@code due} newest open cases due now; done before each tick, outside the measurement. */
    @Setup(Level.Invocation)
    public void makeDue() {
        db.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE case_deadline SET next_check_at = ? WHERE case_id IN"
                    + " (SELECT case_id FROM case_deadline WHERE closed = FALSE ORDER BY case_id DESC LIMIT ?)")) {
                ps.setObject(1, now.minusSeconds(1).atOffset(ZoneOffset.UTC));
                ps.setInt(2, due);
                ps.executeUpdate();
            }
        });
    }

    @Benchmark
    public int tick() {
        return tick.checkDue();
    }

    @TearDown(Level.Trial)
    public void removeDatabase() throws IOException {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

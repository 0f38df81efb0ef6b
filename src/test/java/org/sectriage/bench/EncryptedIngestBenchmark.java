package org.sectriage.bench;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sectriage.Daemon;
import org.sectriage.config.SectriageConfig;
import org.sectriage.crypto.KeyAlgorithm;
import org.sectriage.crypto.KeyFiles;
import org.sectriage.crypto.SecurityKeyGenerator;
import org.sectriage.domain.EmailAddress;
import org.sectriage.outbox.MailComposer;
import org.sectriage.outbox.OutgoingMail;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.TestConfig;
import org.sectriage.testing.TestMail;

/**
 * End-to-end ingest of encrypted reports: {@value #MESSAGES} PGP/MIME reports (the text of {@link
 * IngestBenchmark}'s, encrypted to the security key) wait in the watched mailbox of a GreenMail server
 * and the daemon, with that key configured, is started (as in {@link IngestBenchmark}) and takes them in
 * until each has its case, decrypted, and its acknowledgement queued. Beside it, the ceiling: bare Bouncy Castle ({@link BareDecryption}) decrypting
 * the same {@value #MESSAGES} messages on as many threads as the machine has cores. Both report the time
 * per message; messages per second is 10^6 divided by it.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx256m", "-Dsectriage.log.level=WARN"})
public class EncryptedIngestBenchmark {

    static final int MESSAGES = 1000;
    private static final char[] PASSPHRASE = "benchmark passphrase".toCharArray();

    /** The security key, and the reports encrypted to it. */
    @State(Scope.Benchmark)
    public static class Reports {
        @Param({"RSA_3072", "CURVE25519"})
        public KeyAlgorithm algorithm;

        PGPSecretKeyRing ring;
        Path keys;
        final List<byte[]> encrypted = new ArrayList<>();

        @Setup(Level.Trial)
        public void encryptReports() throws Exception {
            ring = new SecurityKeyGenerator(new SecureRandom()).generate(
                    "Security <" + TestConfig.SECURITY + ">", algorithm, PASSPHRASE, new Date());
            keys = BenchSetup.tempDir();
            KeyFiles.writeSecretKeyRing(keys.resolve("security.sec"), ring);
            KeyFiles.writePassphrase(keys.resolve("security.passphrase"), PASSPHRASE);
            List<PGPPublicKeyRing> to = List.of(KeyFiles.publicPart(ring));
            for (int i = 0; i < MESSAGES; i++) {
                MailComposer reporter = new MailComposer(EmailAddress.of("r" + i + "@researcher.example"),
                        "Researcher " + i, Clock.systemUTC());
                encrypted.add(reporter.compose(new OutgoingMail(null, "report", List.of(EmailAddress.of(
                        TestConfig.SECURITY)), null, BenchSetup.reportSubject(i), BenchSetup.reportText(i), null,
                        List.of(), null).encryptedTo(to)).raw());
            }
        }

        @TearDown(Level.Trial)
        public void deleteKeys() throws Exception {
            BenchSetup.delete(keys);
        }
    }

    /** The daemon on a fresh database, for each iteration, with the security key configured. */
    @State(Scope.Benchmark)
    public static class Sectriage {
        GreenMail greenMail;
        GreenMailUser security;
        Path dir;
        Daemon daemon;
        CaseDatabase db;

        @Setup(Level.Trial)
        public void startMailServer() {
            greenMail = BenchSetup.mailServer();
            security = greenMail.getUserManager().getUserByEmail(TestConfig.SECURITY);
        }

        @Setup(Level.Iteration)
        public void startDaemon(Reports reports) throws Exception {
            for (byte[] report : reports.encrypted) {
                security.deliver(TestMail.parse(report));
            }
            dir = BenchSetup.tempDir();
            SectriageConfig plain = BenchSetup.config(greenMail, dir);
            daemon = Daemon.create(TestConfig.withOpenPgp(plain, new SectriageConfig.OpenPgp(
                    List.of(new SectriageConfig.SecretKeyFiles(reports.keys.resolve("security.sec"),
                            reports.keys.resolve("security.passphrase"))), plain.openpgp().keyDirectory(),
                    SectriageConfig.MaintainersWithoutKey.NOTICE, true, 25L << 20, Duration.ofSeconds(30))),
                    Clock.systemUTC());
            db = new CaseDatabase(daemon.database());
        }

        @TearDown(Level.Iteration)
        public void stopDaemon() throws Exception {
            int decrypted = db.count("SELECT COUNT(*) FROM inbound_message WHERE status = 'processed'"
                    + " AND status_detail LIKE '%decrypted%' AND status_detail NOT LIKE '%not decrypted%'");
            daemon.close();
            greenMail.purgeEmailFromAllMailboxes(); // GreenMail keeps every message in this JVM's heap
            BenchSetup.delete(dir);
            if (decrypted != MESSAGES) {
                throw new IllegalStateException(decrypted + " of " + MESSAGES + " reports were decrypted");
            }
        }

        @TearDown(Level.Trial)
        public void stopMailServer() {
            greenMail.stop();
        }
    }

    /** Starts the daemon and waits until every report has a case and a queued acknowledgement. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public int sectriage(Sectriage s) {
        s.daemon.start();
        return BenchSetup.awaitAcknowledgements(s.db, MESSAGES);
    }

    /** Bare Bouncy Castle on the same messages, one thread per core, each taking every n-th message. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long bareBouncyCastle(Reports reports) throws Exception {
        BareDecryption bare = new BareDecryption(reports.ring, PASSPHRASE);
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    long bytes = 0;
                    for (int i = first; i < reports.encrypted.size(); i += threads) {
                        bytes += bare.decrypt(reports.encrypted.get(i)).length;
                    }
                    return bytes;
                }));
            }
            long bytes = 0;
            for (Future<Long> part : parts) {
                bytes += part.get();
            }
            return bytes;
        } finally {
            pool.shutdown();
        }
    }
}

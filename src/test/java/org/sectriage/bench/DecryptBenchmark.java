package org.sectriage.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.sectriage.crypto.DecryptionLimits;
import org.sectriage.crypto.DecryptionResult;
import org.sectriage.crypto.KeyAlgorithm;
import org.sectriage.crypto.KeyFiles;
import org.sectriage.crypto.MessageDecryptor;
import org.sectriage.crypto.SecretKeySet;
import org.sectriage.crypto.SecurityKeyGenerator;
import org.sectriage.domain.EmailAddress;
import org.sectriage.outbox.MailComposer;
import org.sectriage.outbox.OutgoingMail;

/**
 * Encrypted reports decrypted per second: {@link MessageDecryptor#decrypt(byte[])} on whole PGP/MIME messages
 * against bare Bouncy Castle on the same messages (the armored block cut out of the raw bytes, decrypted with a key
 * unlocked once, its literal data read and its MDC checked), for an RSA-3072 and a Curve25519 security key, with
 * one thread ({@link OneThread}) and two ({@link TwoThreads}). Each message is a 4 KB report composed as PGP/MIME
 * by {@link MailComposer}; each thread goes round eight of them. On a machine shared with other work, compare the
 * CPU time per message that {@link CpuTimeProfiler} adds rather than the wall-clock score:
 * {@code mvn -B -Pbench -DskipTests verify -Dbench="DecryptBenchmark -prof org.sectriage.bench.CpuTimeProfiler"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
public abstract class DecryptBenchmark {

    private static final char[] PASSPHRASE = "benchmark passphrase".toCharArray();
    private static final int MESSAGES = 8;

    @Param({"RSA_3072", "CURVE25519"})
    public KeyAlgorithm algorithm;

    private final List<byte[]> messages = new ArrayList<>();
    private MessageDecryptor decryptor;
    private BareDecryption bare;

    /** The next message for one thread to decrypt. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        byte[] next(List<byte[]> messages) {
            next = (next + 1) % messages.size();
            return messages.get(next);
        }
    }

    @Setup(Level.Trial)
    public void encryptReports() throws Exception {
        PGPSecretKeyRing ring = new SecurityKeyGenerator(new SecureRandom()).generate(
                "Benchmark Security <security@example.org>", algorithm, PASSPHRASE, new Date());
        EmailAddress security = EmailAddress.of("security@example.org");
        MailComposer reporter = new MailComposer(EmailAddress.of("reporter@example.net"), "Reporter",
                Clock.systemUTC());
        for (int i = 0; i < MESSAGES; i++) {
            messages.add(reporter.compose(new OutgoingMail(null, "report", List.of(security), null,
                    "vulnerability report " + i, report(i), null, List.of(), OutgoingMail.AUTO_GENERATED)
                    .encryptedTo(List.of(KeyFiles.publicPart(ring)))).raw());
        }
        decryptor = new MessageDecryptor(SecretKeySet.empty().with(ring, PASSPHRASE), DecryptionLimits.DEFAULT,
                Clock.systemUTC());
        bare = new BareDecryption(ring, PASSPHRASE);
        if (!new String(bareBouncyCastle(new Cursor()), StandardCharsets.UTF_8).contains("Steps to reproduce")
                || decryptor.decrypt(messages.get(1)).status() != DecryptionResult.Status.DECRYPTED) {
            throw new IllegalStateException("the benchmark messages do not decrypt");
        }
    }

    /** A 4 KB report: a summary, steps, and a log excerpt. */
    private static String report(int n) {
        StringBuilder text = new StringBuilder("Summary: path traversal in the upload handler (" + n + ")\n\n"
                + "Affected versions: 2.4.0 to 2.4.3\n\nSteps to reproduce:\n");
        while (text.length() < 4096) {
            text.append("  curl -F 'file=@x;filename=../../etc/cron.d/evil' https://demo.example/upload  # try ")
                    .append(text.length()).append('\n');
        }
        return text.toString();
    }

    /** Cuts the armored block out of the raw message and decrypts it with Bouncy Castle and nothing else. */
    @Benchmark
    public byte[] bareBouncyCastle(Cursor cursor) throws Exception {
        return bare.decrypt(cursor.next(messages));
    }

    /** The whole message through MessageDecryptor, as the daemon decrypts it. */
    @Benchmark
    public DecryptionResult messageDecryptor(Cursor cursor) {
        return decryptor.decrypt(cursor.next(messages));
    }

    /** One thread decrypting. */
    @Threads(1)
    public static class OneThread extends DecryptBenchmark {
    }

    /** Two threads decrypting at once, as many as this machine has cores. */
    @Threads(2)
    public static class TwoThreads extends DecryptBenchmark {
    }
}

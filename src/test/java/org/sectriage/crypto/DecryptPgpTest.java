package org.sectriage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectriage.parse.MimeParser;
import org.sectriage.parse.ParseLimits;
import org.sectriage.parse.ParseMime;
import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.RunInTransaction;
import org.sectriage.store.InboundStore.InboundRecord;

/**
 * Ahead of the transaction, on the pool, decryption holds little plaintext; a message that needs more
 * is decrypted in its transaction, within the configured limit.
 */
class DecryptPgpTest {

    private static final char[] PASSPHRASE = "decrypt step".toCharArray();

    private final MimeParser parser = new MimeParser(ParseLimits.defaults());
    private PGPSecretKeyRing ring;
    private DecryptPgp step;
    private Connection transaction;

    @BeforeEach
    void configureKey() throws Exception {
        ring = new SecurityKeyGenerator(new SecureRandom()).generate("Security <security@example.org>",
                KeyAlgorithm.CURVE25519, PASSPHRASE, new Date());
        step = new DecryptPgp(new MessageDecryptor(SecretKeySet.empty().with(ring, PASSPHRASE),
                DecryptionLimits.DEFAULT, Clock.systemUTC()), parser, List.of());
        transaction = DriverManager.getConnection("jdbc:h2:mem:decrypt-step");
    }

    @AfterEach
    void close() throws Exception {
        transaction.close();
    }

    @Test
    void aMessageThatDecompressesPastWhatIsDecryptedAheadIsLeftToItsTransactionAndDecryptedThere() throws Exception {
        byte[] raw = MailFixtures.pgpMime(HostileMessages.compressedZeros(KeyFiles.publicPart(ring),
                (int) DecryptPgp.AHEAD_MAX_PLAINTEXT + 1024 * 1024, 1));
        assertThat(raw.length).isLessThan(64 * 1024);

        Envelope ahead = parsed(new Envelope(record(raw), () -> new ByteArrayInputStream(raw), Instant.now()));
        assertThatThrownBy(() -> step.apply(ahead)).isInstanceOf(RunInTransaction.class);

        Envelope inTransaction = parsed(new Envelope(record(raw), () -> new ByteArrayInputStream(raw), transaction,
                null, Instant.now()));
        step.apply(inTransaction);
        assertThat(inTransaction.decryptionFailure()).isEmpty();
        assertThat(inTransaction.decrypted()).isPresent();
    }

    @Test
    void aMessageUnderWhatIsDecryptedAheadIsDecryptedAhead() throws Exception {
        byte[] raw = MailFixtures.pgpMime(HostileMessages.compressedZeros(KeyFiles.publicPart(ring), 64 * 1024, 1));

        Envelope ahead = parsed(new Envelope(record(raw), () -> new ByteArrayInputStream(raw), Instant.now()));
        step.apply(ahead);

        assertThat(ahead.isAhead()).isTrue();
        assertThat(ahead.decryptionFailure()).isEmpty();
        assertThat(ahead.decrypted()).isPresent();
    }

    private Envelope parsed(Envelope env) throws Exception {
        new ParseMime(parser).apply(env);
        return env;
    }

    private static InboundRecord record(byte[] raw) {
        return new InboundRecord(1, "INBOX", 1, 1, "<encrypted@researcher.example>", "sha", raw.length,
                Instant.now(), "stored", null, null, null, null, null, null, false);
    }
}

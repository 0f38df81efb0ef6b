package org.sectriage.act;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.sectriage.crypto.InvalidKeyFileException;
import org.sectriage.crypto.KeyFiles;
import org.sectriage.store.KnownKeyStore;
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

    private final KnownKeyStore knownKeys = new KnownKeyStore();

    public Acknowledge(Outbox outbox, MailTemplates templates, CaseMailContext context,
                       SectriageConfig.Acknowledgement limits) {
        super(outbox, templates, context, limits, PURPOSE, MailTemplates.ACKNOWLEDGEMENT);
    }

    @Override
    protected Map<String, Object> values(Envelope env, SecurityCase sc, boolean encrypted) {
        Map<String, Object> ctx = super.values(env, sc, encrypted);
        // The reporter learns what their report lacks (likely duplicates are for the maintainers only),
        // unless the report arrived encrypted and this answer is not: then nothing derived from it is sent.
        if (!env.isEncrypted() || encrypted) {
            env.classification().ifPresent(c -> context.withClassification(ctx, c, List.of()));
        }
        return ctx;
    }

    /** For an encrypted report, the reporter's key, when it came with the report or is known from earlier mail. */
    @Override
    protected List<PGPPublicKeyRing> encryptTo(Envelope env, SecurityCase sc) throws SQLException {
        if (!env.isEncrypted() || env.decryptionFailure().isPresent()) {
            return List.of();
        }
        return knownKeys.newest(env.connection(), sc.reporter().normalized()).flatMap(k -> {
            try {
                return KeyFiles.parseKeyRings(k.armored().getBytes(StandardCharsets.US_ASCII)).stream()
                        .map(KeyFiles::publicPart).findFirst();
            } catch (InvalidKeyFileException stale) {
                return java.util.Optional.empty();
            }
        }).map(List::of).orElse(List.of());
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

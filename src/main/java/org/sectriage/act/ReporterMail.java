package org.sectriage.act;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.sectriage.crypto.InvalidKeyFileException;
import org.sectriage.crypto.KeyFiles;
import org.sectriage.domain.CaseMessage;
import org.sectriage.domain.SecurityCase;
import org.sectriage.outbox.OutgoingMail;
import org.sectriage.outbox.Outbox;
import org.sectriage.store.JdbcCaseStore;
import org.sectriage.store.KnownKeyStore;

/**
 * Sends mail about a case to its reporter from the security address, threaded to the case's thread,
 * encrypted to the reporter's key when the report arrived encrypted and the key is known.
 */
public final class ReporterMail {

    private final Outbox outbox;
    private final KnownKeyStore keys = new KnownKeyStore();

    public ReporterMail(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The reporter's newest known key, if sectriage has learned one. */
    public Optional<PGPPublicKeyRing> reporterKey(Connection c, SecurityCase sc) throws SQLException {
        return keys.newest(c, sc.reporter().normalized()).flatMap(k -> {
            try {
                return KeyFiles.parseKeyRings(k.armored().getBytes(StandardCharsets.US_ASCII)).stream()
                        .map(KeyFiles::publicPart).findFirst();
            } catch (InvalidKeyFileException stale) {
                return Optional.empty();
            }
        });
    }

    /** True when mail to the reporter of {@code sc} may carry what the report or the team said about it. */
    public boolean mayCarryContent(Connection c, SecurityCase sc) throws SQLException {
        return !sc.encrypted() || reporterKey(c, sc).isPresent();
    }

    /** Queues {@code mail} to the reporter of {@code sc}, encrypted when the case is and the reporter's key is known. */
    public void send(Connection c, SecurityCase sc, String purpose, MailTemplates.RenderedMail mail) throws SQLException {
        List<String> thread = new JdbcCaseStore(c).messages(sc.id()).stream()
                .filter(m -> m.direction() == CaseMessage.Direction.IN
                        || Acknowledge.PURPOSE.equals(m.kind()) || RelayToReporter.PURPOSE.equals(m.kind()))
                .map(CaseMessage::messageId).filter(java.util.Objects::nonNull).toList();
        List<PGPPublicKeyRing> encryptTo = sc.encrypted() ? reporterKey(c, sc).map(List::of).orElse(List.of()) : List.of();
        outbox.enqueue(c, new OutgoingMail(sc.id(), purpose, List.of(sc.reporter()), null, mail.subject(), mail.body(),
                NotifyMaintainers.lastOf(thread), thread, OutgoingMail.AUTO_GENERATED).encryptedTo(encryptTo));
    }
}

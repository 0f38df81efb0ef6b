package org.sectriage.act;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.sectriage.config.SectriageConfig.MaintainersWithoutKey;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.EmailAddress;
import org.sectriage.outbox.OutgoingMail;
import org.sectriage.outbox.Outbox;

/**
 * Sends mail about a case to maintainers, keeping a confidential case confidential: when the report
 * arrived encrypted, the maintainers with a public key get the mail encrypted to their keys, and those
 * without get it with everything derived from the report withheld (or nothing, as the config says).
 */
public final class MaintainerMail {

    private final Outbox outbox;
    private final Map<String, PGPPublicKeyRing> keys;
    private final MaintainersWithoutKey withoutKey;
    private final EmailAddress securityAddress;

    /** @param keys the maintainers' public keys, by normalized address */
    public MaintainerMail(Outbox outbox, Map<String, PGPPublicKeyRing> keys, MaintainersWithoutKey withoutKey,
                          EmailAddress securityAddress) {
        this.outbox = outbox;
        this.keys = Map.copyOf(keys);
        this.withoutKey = withoutKey;
        this.securityAddress = securityAddress;
    }

    /**
     * Queues the mail {@code render} writes (given whether report content must be withheld) to {@code to},
     * threaded to {@code earlier}, with Reply-To the security address.
     */
    public void send(Connection c, CaseId id, String purpose, boolean confidential, List<EmailAddress> to,
                     List<String> earlier, Function<Boolean, MailTemplates.RenderedMail> render) throws SQLException {
        String inReplyTo = NotifyMaintainers.lastOf(earlier);
        if (!confidential) {
            MailTemplates.RenderedMail mail = render.apply(false);
            outbox.enqueue(c, new OutgoingMail(id, purpose, to, securityAddress, mail.subject(), mail.body(), inReplyTo,
                    earlier, OutgoingMail.AUTO_GENERATED));
            return;
        }
        List<EmailAddress> withKey = new ArrayList<>();
        List<PGPPublicKeyRing> rings = new ArrayList<>();
        List<EmailAddress> without = new ArrayList<>();
        for (EmailAddress m : to) {
            Optional<PGPPublicKeyRing> key = keyOf(m);
            if (key.isPresent()) {
                withKey.add(m);
                rings.add(key.get());
            } else {
                without.add(m);
            }
        }
        if (!withKey.isEmpty()) {
            MailTemplates.RenderedMail mail = render.apply(false);
            outbox.enqueue(c, new OutgoingMail(id, purpose, withKey, securityAddress, mail.subject(), mail.body(),
                    inReplyTo, earlier, OutgoingMail.AUTO_GENERATED).encryptedTo(rings));
        }
        if (!without.isEmpty() && withoutKey == MaintainersWithoutKey.NOTICE) {
            MailTemplates.RenderedMail mail = render.apply(true);
            outbox.enqueue(c, new OutgoingMail(id, purpose, without, securityAddress, mail.subject(), mail.body(),
                    inReplyTo, earlier, OutgoingMail.AUTO_GENERATED));
        }
    }

    /** The public key of maintainer {@code address}, if one is configured. */
    public Optional<PGPPublicKeyRing> keyOf(EmailAddress address) {
        return Optional.ofNullable(keys.get(address.normalized()));
    }
}

package org.sectriage.classify;

import java.util.Optional;
import java.util.stream.Stream;
import org.sectriage.domain.EmailAddress;
import org.sectriage.parse.ParsedMessage;
import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.Step;

/**
 * Gives mail that the list which is our own security address relayed with its From rewritten to the list
 * ("'Kim' via security &lt;security@…&gt;", as Google Groups and Mailman write it for an author whose domain
 * publishes a strict DMARC policy) its author back as sender: from X-Original-From, else from the one Reply-To
 * the list set to the author. Without it the reporter is our own address: the acknowledgement goes to the list,
 * and the author never hears back.
 */
public final class RestoreListAuthor implements Step {

    private final EmailAddress securityAddress;

    public RestoreListAuthor(EmailAddress securityAddress) {
        this.securityAddress = securityAddress;
    }

    @Override
    public void apply(Envelope env) {
        ParsedMessage m = env.parsed();
        if (m.from() != null && m.from().sameMailbox(securityAddress)
                && AutomationSignals.viaOwnList(m, securityAddress.normalized())) {
            author(m).ifPresent(author -> env.setParsed(m.withFrom(author)));
        }
    }

    /** The one mailbox of X-Original-From, else of Reply-To, that is not our own. */
    private Optional<EmailAddress> author(ParsedMessage m) {
        return Stream.of(m.headers().mailboxes("x-original-from"), m.replyTo())
                .filter(named -> named.size() == 1 && !named.get(0).sameMailbox(securityAddress))
                .map(named -> named.get(0))
                .findFirst();
    }
}

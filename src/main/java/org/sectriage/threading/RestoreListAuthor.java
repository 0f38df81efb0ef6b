package org.sectriage.threading;

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
 *
 * <p>Never a maintainer: anyone can write those headers, and the list's own DKIM signature, which may be for the
 * project's domain, would then pass for hers. Her mail through the list stays the list's, as it was.
 */
public final class RestoreListAuthor implements Step {

    private final EmailAddress securityAddress;
    private final Maintainers maintainers;

    public RestoreListAuthor(EmailAddress securityAddress, Maintainers maintainers) {
        this.securityAddress = securityAddress;
        this.maintainers = maintainers;
    }

    @Override
    public void apply(Envelope env) {
        ParsedMessage m = env.parsed();
        if (m.from() != null && m.from().sameMailbox(securityAddress)
                && m.relayedByListOf(securityAddress.normalized())) {
            author(m).filter(author -> !maintainers.isMaintainer(author))
                    .ifPresent(author -> env.setParsed(m.withFrom(author)));
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

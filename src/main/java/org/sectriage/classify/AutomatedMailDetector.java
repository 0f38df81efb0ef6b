package org.sectriage.classify;

import static org.sectriage.domain.MessageKind.AUTO_REPLY;
import static org.sectriage.domain.MessageKind.BOUNCE;
import static org.sectriage.domain.MessageKind.LOOP;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.sectriage.parse.ParsedMessage;

/**
 * The classifier that tells mail written by machines (our own mail coming back, bounces, auto-replies,
 * bulk mail) from mail written by people, so that the former is recorded and never answered. The rules are tried in
 * the order below and the first that matches decides; mail that none matches is a person's.
 */
public final class AutomatedMailDetector {

    private final List<DetectionRule> rules;

    /** A detector for a project whose own mail carries {@code X-Loop: ownXLoop}, e.g. {@code security@example.org}. */
    public AutomatedMailDetector(String ownXLoop) {
        Objects.requireNonNull(ownXLoop, "ownXLoop");
        this.rules = List.of(
                new DetectionRule("own-x-loop", LOOP, m -> AutomationSignals.ownXLoop(m, ownXLoop)),
                new DetectionRule("delivery-report", BOUNCE, AutomationSignals::deliveryReport),
                new DetectionRule("failed-recipients", BOUNCE, AutomationSignals::failedRecipients),
                new DetectionRule("daemon-bounce", BOUNCE, AutomationSignals::daemonBounce),
                new DetectionRule("null-sender-report", BOUNCE, AutomationSignals::nullSenderReport),
                new DetectionRule("auto-submitted", AUTO_REPLY, AutomationSignals::autoSubmitted),
                new DetectionRule("autoreply-header", AUTO_REPLY, AutomationSignals::autoreplyHeader),
                new DetectionRule("exchange-auto-reply", AUTO_REPLY, AutomationSignals::exchangeAutoReply),
                new DetectionRule("bulk-precedence", AUTO_REPLY,
                        exceptViaOwnList(AutomationSignals::bulkPrecedence, ownXLoop)),
                new DetectionRule("list-with-precedence", AUTO_REPLY,
                        exceptViaOwnList(AutomationSignals::listMailWithPrecedence, ownXLoop)),
                new DetectionRule("auto-reply-subject", AUTO_REPLY, AutomationSignals::autoReplySubject));
    }

    /**
     * {@code signal}, but nothing for mail relayed by the list that is our own security address, which carries list
     * headers whoever wrote it; auto-replies and our own mail through that list are still known by the other rules.
     */
    private static Function<ParsedMessage, Optional<String>> exceptViaOwnList(
            Function<ParsedMessage, Optional<String>> signal, String ownAddress) {
        return m -> m.relayedByListOf(ownAddress) ? Optional.empty() : signal.apply(m);
    }

    /** What kind of machine wrote {@code message} and why it looks so; empty when a person wrote it. */
    public Optional<AutomatedMail> detect(ParsedMessage message) {
        for (DetectionRule rule : rules) {
            Optional<AutomatedMail> found = rule.test(message);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}

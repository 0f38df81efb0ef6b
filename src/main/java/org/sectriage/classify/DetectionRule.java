package org.sectriage.classify;

import java.util.Optional;
import java.util.function.Function;
import org.sectriage.domain.MessageKind;
import org.sectriage.parse.ParsedMessage;

/**
 * One way of recognising machine-written mail: a name, the kind of mail it signals, and a test that
 * returns the evidence it found, or nothing when the message does not match.
 */
record DetectionRule(String name, MessageKind kind, Function<ParsedMessage, Optional<String>> evidence) {

    Optional<AutomatedMail> test(ParsedMessage message) {
        return evidence.apply(message).map(reason -> new AutomatedMail(kind, name, reason));
    }
}

package org.sectriage.classify;

import org.sectriage.domain.MessageKind;

/**
 * A message found to be written by a machine: its kind, the name of the rule that found it, and the
 * evidence in words, e.g. {@code Auto-Submitted: auto-replied}. The reason names headers and their
 * keywords only, never the message's text or addresses.
 */
public record AutomatedMail(MessageKind kind, String rule, String reason) {
}

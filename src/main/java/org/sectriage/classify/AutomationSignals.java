package org.sectriage.classify;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.sectriage.parse.ContentTypeValue;
import org.sectriage.parse.HeaderSet;
import org.sectriage.parse.ParsedMessage;

/**
 * The signs in a message's header that a machine wrote it, each a test that returns its evidence in
 * words, or nothing. Conservative on purpose: a report taken for an auto-reply is never answered, so
 * a sign that people's mail also carries (X-Auto-Response-Suppress, List-Id) never counts alone.
 */
final class AutomationSignals {

    private static final Set<String> REPORT_TYPES = Set.of("delivery-status", "disposition-notification");
    private static final Set<String> DAEMON_MAILBOXES = Set.of("mailer-daemon", "postmaster");
    private static final Set<String> BOUNCE_SUBJECT_WORDS = Set.of(
            "undeliver", "returned mail", "returned to sender", "delivery status notification",
            "delivery failure", "delivery has failed", "delivery failed", "failure notice",
            "could not be delivered", "non-delivery", "mail delivery failed", "delivery problem");
    private static final Set<String> BULK_PRECEDENCES = Set.of("bulk", "junk", "list", "auto_reply");
    private static final Set<String> SUPPRESSING_EVERY_REPLY = Set.of("all", "oof");
    private static final int MAX_KEYWORD = 40;

    private AutomationSignals() {
    }

    /** An X-Loop header with our own value: our mail came back. */
    static Optional<String> ownXLoop(ParsedMessage m, String ownValue) {
        return m.headers().all("x-loop").stream()
                .filter(value -> withoutBrackets(value).equalsIgnoreCase(ownValue.strip()))
                .findFirst()
                .map(value -> "X-Loop: " + ownValue.strip());
    }

    /** A top-level multipart/report of delivery status (RFC 3464) or a disposition notification (RFC 8098). */
    static Optional<String> deliveryReport(ParsedMessage m) {
        if (!m.mimeType().equals("multipart/report")) {
            return Optional.empty();
        }
        return ContentTypeValue.parse(m.headers().first("content-type").orElse(null))
                .parameter("report-type")
                .map(type -> type.strip().toLowerCase(Locale.ROOT))
                .filter(REPORT_TYPES::contains)
                .map(type -> "multipart/report; report-type=" + type);
    }

    /** Exim's X-Failed-Recipients, present only on its bounces. */
    static Optional<String> failedRecipients(ParsedMessage m) {
        return m.headers().has("x-failed-recipients") ? Optional.of("X-Failed-Recipients present") : Optional.empty();
    }

    /** From or Return-Path MAILER-DAEMON or postmaster, with a subject such as "Undelivered Mail Returned to Sender". */
    static Optional<String> daemonBounce(ParsedMessage m) {
        String subject = m.subject().toLowerCase(Locale.ROOT);
        boolean bounceSubject = BOUNCE_SUBJECT_WORDS.stream().anyMatch(subject::contains);
        if (!bounceSubject) {
            return Optional.empty();
        }
        if (m.from() != null && isDaemon(localPart(m.from().address()))) {
            return Optional.of("From " + localPart(m.from().address()) + " with a bounce subject");
        }
        return m.headers().first("return-path")
                .map(path -> localPart(withoutBrackets(path)))
                .filter(AutomationSignals::isDaemon)
                .map(daemon -> "Return-Path " + daemon + " with a bounce subject");
    }

    /** An empty Return-Path, {@code <>}, on a multipart/report of any type. */
    static Optional<String> nullSenderReport(ParsedMessage m) {
        boolean nullSender = m.headers().first("return-path").map(path -> withoutBrackets(path).isEmpty()).orElse(false);
        return nullSender && m.mimeType().equals("multipart/report")
                ? Optional.of("Return-Path <> on a multipart/report")
                : Optional.empty();
    }

    /**
     * The subject prefixes with which mail clients and servers mark the out-of-office and vacation
     * replies they send without any RFC 3834 header (Outlook, Exchange and Domino in their languages,
     * Thunderbird's and Roundcube's vacation filters, Gmail's), case-folded.
     */
    private static final java.util.List<String> AUTO_REPLY_SUBJECTS = java.util.List.of(
            "automatic reply:", "auto reply:", "auto-reply:", "autoreply:", "auto:", "out of office",
            "out of the office", "vacation reply",
            "away from the office", "abwesenheitsnotiz", "automatische antwort", "réponse automatique",
            "reponse automatique", "absence du bureau", "respuesta automática", "respuesta automatica",
            "fuera de la oficina", "risposta automatica", "resposta automática", "automatisch antwoord",
            "afwezigheidsmelding", "автоматический ответ", "自动回复", "自動回覆", "自動応答", "不在");

    /** A subject that begins as clients mark the auto-replies they send without RFC 3834 headers. */
    static Optional<String> autoReplySubject(ParsedMessage m) {
        String subject = m.subject().strip().toLowerCase(Locale.ROOT);
        return AUTO_REPLY_SUBJECTS.stream().filter(subject::startsWith).findFirst()
                .map(prefix -> "subject begins \"" + prefix + "\"");
    }

    /** RFC 3834 Auto-Submitted with any keyword but {@code no}; parameters and comments are ignored. */
    static Optional<String> autoSubmitted(ParsedMessage m) {
        return keyword(m.headers(), "auto-submitted")
                .filter(keyword -> !keyword.equals("no"))
                .map(keyword -> "Auto-Submitted: " + keyword);
    }

    /** The X-Autoreply (Gmail, Yahoo) or X-Autorespond (cPanel) header, unless it says {@code no}. */
    static Optional<String> autoreplyHeader(ParsedMessage m) {
        for (String name : new String[] {"X-Autoreply", "X-Autorespond"}) {
            Optional<String> value = m.headers().first(name);
            if (value.isPresent() && !value.get().strip().equalsIgnoreCase("no")) {
                return Optional.of(name + " present");
            }
        }
        return Optional.empty();
    }

    /**
     * An Exchange out-of-office or rule reply: X-Auto-Response-Suppress All or OOF together with the
     * X-MS-Exchange-Inbox-Rules-Loop that Exchange puts only on mail its mailbox rules generate.
     * X-Auto-Response-Suppress alone is not enough: Outlook and many newsletters send it on ordinary mail.
     */
    static Optional<String> exchangeAutoReply(ParsedMessage m) {
        Optional<String> suppressed = m.headers().first("x-auto-response-suppress")
                .flatMap(value -> Arrays.stream(value.split("[,\\s]+"))
                        .filter(token -> SUPPRESSING_EVERY_REPLY.contains(token.toLowerCase(Locale.ROOT)))
                        .findFirst());
        return suppressed.isPresent() && m.headers().has("x-ms-exchange-inbox-rules-loop")
                ? Optional.of("X-Auto-Response-Suppress: " + suppressed.get() + " with X-MS-Exchange-Inbox-Rules-Loop")
                : Optional.empty();
    }

    /** Precedence (or cPanel's X-Precedence) bulk, junk, list or auto_reply. */
    static Optional<String> bulkPrecedence(ParsedMessage m) {
        for (String name : new String[] {"Precedence", "X-Precedence"}) {
            Optional<String> keyword = keyword(m.headers(), name).filter(BULK_PRECEDENCES::contains);
            if (keyword.isPresent()) {
                return Optional.of(name + ": " + keyword.get());
            }
        }
        return Optional.empty();
    }

    /** List-Id or List-Unsubscribe together with a Precedence header of any value: list or newsletter mail. */
    static Optional<String> listMailWithPrecedence(ParsedMessage m) {
        String listHeader = m.headers().has("list-id") ? "List-Id" : m.headers().has("list-unsubscribe") ? "List-Unsubscribe" : null;
        if (listHeader == null) {
            return Optional.empty();
        }
        return keyword(m.headers(), "precedence").map(keyword -> listHeader + " with Precedence: " + keyword);
    }

    /** The first word of a header's value in lower case, before any parameter or comment, at most 40 characters. */
    private static Optional<String> keyword(HeaderSet headers, String name) {
        return headers.first(name)
                .map(value -> value.split("[;(]", 2)[0].strip().toLowerCase(Locale.ROOT))
                .filter(keyword -> !keyword.isEmpty())
                .map(keyword -> keyword.length() <= MAX_KEYWORD ? keyword : keyword.substring(0, MAX_KEYWORD) + "…");
    }

    private static boolean isDaemon(String localPart) {
        return DAEMON_MAILBOXES.contains(localPart.toLowerCase(Locale.ROOT));
    }

    private static String localPart(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }

    private static String withoutBrackets(String value) {
        String v = value.strip();
        if (v.startsWith("<") && v.endsWith(">")) {
            v = v.substring(1, v.length() - 1).strip();
        }
        return v;
    }
}

package org.sectriage.relay;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sectriage.domain.CaseId;

/**
 * The lines with which mail clients mark what follows as quoted or as a signature: {@code >} quotes,
 * attributions ("On … wrote:" in several languages, Gmail's wrapped over two or three lines, Apple
 * Mail's, mutt's "* Name [date]:"), Outlook's "-----Original Message-----" and "From: … Sent: …"
 * header block (and any header block of a mail about the case), the "-- " signature delimiter, and phones' "Sent from my iPhone".
 */
final class QuoteMarkers {

    private static final int MAX_ATTRIBUTION_LINES = 3;
    private static final int HEADER_BLOCK_REACH = 4;

    private static final Pattern QUOTED = Pattern.compile("^\\s*>");

    /** Attributions that mean "what follows is quoted" even when its lines are not marked with '>'. */
    private static final List<Pattern> ATTRIBUTIONS = List.of(
            Pattern.compile("^On\\b.{1,300}\\bwrote\\s?:$"),
            Pattern.compile("^Am\\b.{1,300}\\bschrieb\\b.{0,300}:$"),
            Pattern.compile("^.{1,300}\\bschrieb am\\b.{1,300}:$"),
            Pattern.compile("^Le\\b.{1,300}\\ba écrit\\s?:$"),
            Pattern.compile("^El\\b.{1,300}\\bescribió\\s?:$"),
            Pattern.compile("^Il\\b.{1,300}\\bha scritto\\s?:$"),
            Pattern.compile("^(?:Em|No dia)\\b.{1,300}\\bescreveu\\s?:$"),
            Pattern.compile("^Op\\b.{1,300}\\bschreef\\b.{0,300}:$"),
            Pattern.compile("^(?:Den|På)\\b.{1,300}\\bskrev\\b.{0,300}:$"),
            Pattern.compile("^\\* .{1,300} \\[\\d{4}-\\d{2}-\\d{2} \\d{1,2}:\\d{2}(?::\\d{2})?(?: ?[+-]\\d{4})?]:$"));

    /**
     * "Name wrote:" and its kin, Horde's "Quoting Name:" and Tutanota's "6 Dec 2026, 10:00 by address:": an
     * attribution only when quoted lines follow it.
     */
    private static final Pattern WEAK_ATTRIBUTION = Pattern.compile(
            "(?u)^(?:.{1,300}(?:\\bwrote|\\bschrieb|\\ba écrit|\\bescribió|\\bha scritto|\\bescreveu|\\bschreef|\\bskrev"
                    + "|napisał\\(a\\)|napisał|napisała|napsal\\(a\\)|napsal|написал\\(а\\)|написал|написала|kirjoitti"
                    + "|yazdı|írta|写道|のメッセージ)|(?:Quoting|Zitat von|Citation de)\\s.{1,300}"
                    + "|.{1,300}\\b\\d{1,2}:\\d{2} (?:by|von|de|par) .{1,300})\\s?[:：]$");

    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "(?iu)^-{2,}\\s*(?:Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original"
                    + "|Messaggio originale|Oorspronkelijk bericht|Originalmeddelande|Исходное сообщение"
                    + "|Původní zpráva|Alkuperäinen viesti|Orijinal İleti|Oryginalna wiadomość|Eredeti üzenet"
                    + "|Mensagem original|原始邮件|元のメッセージ)\\s*-{2,}$");
    private static final Pattern RULE = Pattern.compile("^_{10,}$");
    /** The sender's line of Outlook's header block, in the languages Outlook writes it in; ':' may be full-width. */
    private static final Pattern HEADER_FROM = Pattern.compile(
            "^\\*?(?:From|Von|De|Da|Van|Från|Fra|Od|Odesílatel|От|Від|Kimden|Feladó|Lähettäjä|Nadawca|差出人|发件人"
                    + "|寄件者)\\s?[:：]\\*?\\s?.+");
    private static final Pattern HEADER_SENT = Pattern.compile(
            "^\\*?(?:Sent|Date|Gesendet|Datum|Envoyé|Enviado(?: el)?|Inviato|Data|Verzonden|Skickat|Sendt|Wysłano"
                    + "|Отправлено|Дата|Надіслано|Odesláno|Lähetetty|Gönderildi|Tarih|Elküldve|送信日時|发送时间|日期"
                    + "|寄件日期)\\s?[:：]\\*?\\s?.+");
    /**
     * A header line under Outlook's rule of underscores, in whatever language: a short name, a colon, and
     * an address. With the rule above it, it starts a header block though its name is in no list here.
     */
    private static final Pattern ANY_HEADER_WITH_ADDRESS = Pattern.compile(
            "^\\*?[\\p{L}\\p{M} ]{1,25}\\s?[:：]\\*?\\s?.*@.+");
    /** A header line in whatever language: a short name, a colon, and a value. */
    private static final Pattern ANY_HEADER = Pattern.compile("^\\*?[\\p{L}\\p{M} ]{1,25}\\s?[:：]\\*?\\s?\\S.*");
    private static final int MIN_CASE_HEADER_LINES = 3;
    private static final int MAX_CASE_HEADER_LINES = 8;

    private static final Pattern SIGNATURE_DELIMITER = Pattern.compile("^-- ?$");
    private static final Pattern MOBILE_SIGNATURE = Pattern.compile("(?i)^(?:Sent from my (?:iPhone|iPad|Android"
            + "|mobile|phone|smartphone|Samsung|Galaxy|Pixel|Huawei|Xiaomi|OnePlus|BlackBerry|Windows Phone)\\b.{0,40}"
            + "|Sent from (?:Outlook|Mail|Yahoo Mail|Gmail|Proton Mail)(?: for .{1,40})?|Get Outlook for .{1,40}"
            + "|Von meinem .{1,40} gesendet|Gesendet von meinem .{1,40}|Envoyé de mon .{1,40}"
            + "|Enviado desde mi .{1,40}|Inviato da(?:l mio)? .{1,40}|Verzonden vanaf mijn .{1,40}"
            + "|Skickat från min .{1,40}|Verzonden met mijn .{1,40}|Enviado do meu .{1,40}|Enviado de meu .{1,40}"
            + "|Sendt fra min .{1,40}|Lähetetty .{1,40}(?:sta|stä)|Wysłane z mojego .{1,40}|Odesláno z .{1,40}"
            + "|Отправлено с .{1,40}|Надіслано з .{1,40}|.{1,40}'(?:um|ım|im|üm)dan gönderildi"
            + "|.{1,40}から送信|发自我的.{1,40}|從我的.{1,40}傳送|.{1,40}에서 보냄)\\.?$");

    private QuoteMarkers() {
    }

    static boolean isQuoted(String line) {
        return QUOTED.matcher(line).find();
    }

    static boolean isSignatureDelimiter(String line) {
        return SIGNATURE_DELIMITER.matcher(line).matches();
    }

    static boolean isMobileSignature(String line) {
        return MOBILE_SIGNATURE.matcher(line.strip()).matches();
    }

    /**
     * An attribution line (or lines) before a quote.
     *
     * @param length      how many lines it takes
     * @param quoteMarked true when '>'-quoted lines follow it; false when what follows is the quote
     *                    without marks, as clients write it when they turn an HTML reply into text
     */
    record Attribution(int length, boolean quoteMarked) {
    }

    /**
     * The attribution that starts at line {@code i}, if any. A wrapped one, as Gmail writes it when
     * the address is long, must name an address; a weak one ("Name wrote:") counts only before quoted lines.
     */
    static Optional<Attribution> attributionAt(List<String> lines, int i) {
        StringBuilder joined = new StringBuilder();
        for (int k = 1; k <= MAX_ATTRIBUTION_LINES && i + k - 1 < lines.size(); k++) {
            String line = lines.get(i + k - 1).strip();
            if (line.isEmpty() || isQuoted(line)) {
                return Optional.empty();
            }
            joined.append(k == 1 ? "" : " ").append(line);
            String text = joined.toString();
            if (k > 1 && text.indexOf('@') < 0) {
                continue;
            }
            boolean quoteMarked = quotedLinesFollow(lines, i + k);
            if (ATTRIBUTIONS.stream().anyMatch(p -> p.matcher(text).matches())
                    || quoteMarked && WEAK_ATTRIBUTION.matcher(text).matches()) {
                return Optional.of(new Attribution(k, quoteMarked));
            }
        }
        return Optional.empty();
    }

    /**
     * True when line {@code i} starts an Outlook-style copy of the original message: the
     * "-----Original Message-----" line, or a header block ("From: …" then "Sent: …" or "Date: …"),
     * possibly under a rule of underscores. Everything from there on is the quoted message.
     */
    static boolean startsOriginalMessage(List<String> lines, int i) {
        String line = lines.get(i).strip();
        if (ORIGINAL_MESSAGE.matcher(line).matches()) {
            return true;
        }
        if (RULE.matcher(line).matches()) {
            int next = nextNonBlank(lines, i + 1);
            return next < lines.size() && (isHeaderBlock(lines, next)
                    || ANY_HEADER_WITH_ADDRESS.matcher(lines.get(next).strip()).matches());
        }
        return isHeaderBlock(lines, i) || isCaseMailHeaderBlock(lines, i);
    }

    /**
     * True when line {@code i} starts the header block of a copy of the case's own mail, in any language
     * and order ("보낸 사람: …", or "Date: …" before "From: …"): {@value #MIN_CASE_HEADER_LINES} or more
     * header lines in a row, among them an address and the case tag that the subject of every mail about
     * a case carries.
     */
    private static boolean isCaseMailHeaderBlock(List<String> lines, int i) {
        boolean address = false;
        boolean caseTag = false;
        int j = i;
        while (j < lines.size() && j < i + MAX_CASE_HEADER_LINES && ANY_HEADER.matcher(lines.get(j).strip()).matches()) {
            address |= lines.get(j).indexOf('@') >= 0;
            caseTag |= CaseId.findTag(lines.get(j)).isPresent();
            j++;
        }
        return j - i >= MIN_CASE_HEADER_LINES && address && caseTag;
    }

    private static boolean isHeaderBlock(List<String> lines, int i) {
        if (!HEADER_FROM.matcher(lines.get(i).strip()).matches()) {
            return false;
        }
        for (int j = i + 1; j < Math.min(lines.size(), i + 1 + HEADER_BLOCK_REACH); j++) {
            if (HEADER_SENT.matcher(lines.get(j).strip()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean quotedLinesFollow(List<String> lines, int from) {
        int next = nextNonBlank(lines, from);
        return next < lines.size() && isQuoted(lines.get(next));
    }

    static int nextNonBlank(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }
}

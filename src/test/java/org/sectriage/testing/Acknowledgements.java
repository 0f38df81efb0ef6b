package org.sectriage.testing;

import jakarta.mail.internet.MimeMessage;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The acknowledgements reporters received, as the SMTP server holds them: each matched to the report
 * it answers by its In-Reply-To, and counted both by distinct Message-ID (what a reporter's client
 * shows) and by copies (what the server accepted).
 */
public final class Acknowledgements {

    private final Map<String, Set<String>> idsByReport = new HashMap<>();
    private final Map<String, Integer> copiesByReport = new HashMap<>();

    private Acknowledgements() {
    }

    /** The acknowledgements among {@code received}: mail with {@code Auto-Submitted: auto-replied}. */
    public static Acknowledgements in(Collection<MimeMessage> received) {
        Acknowledgements a = new Acknowledgements();
        for (MimeMessage m : received) {
            if (!"auto-replied".equals(TestMail.header(m, "Auto-Submitted"))) {
                continue;
            }
            String report = TestMail.header(m, "In-Reply-To");
            if (report == null) {
                continue;
            }
            a.idsByReport.computeIfAbsent(report.strip(), r -> new HashSet<>()).add(TestMail.header(m, "Message-ID"));
            a.copiesByReport.merge(report.strip(), 1, Integer::sum);
        }
        return a;
    }

    /** How many different acknowledgements answer the report with Message-ID {@code reportId}. */
    public int distinct(String reportId) {
        return idsByReport.getOrDefault(reportId, Set.of()).size();
    }

    /** How many copies of acknowledgements to that report the server accepted, resends included. */
    public int copies(String reportId) {
        return copiesByReport.getOrDefault(reportId, 0);
    }

    /** The reports among {@code reportIds} answered by exactly one acknowledgement. */
    public long answeredOnce(List<String> reportIds) {
        return reportIds.stream().filter(id -> distinct(id) == 1).count();
    }

    /** The reports among {@code reportIds} with no acknowledgement. */
    public long unanswered(List<String> reportIds) {
        return reportIds.stream().filter(id -> distinct(id) == 0).count();
    }

    /** The reports among {@code reportIds} answered by two or more different acknowledgements. */
    public long answeredTwice(List<String> reportIds) {
        return reportIds.stream().filter(id -> distinct(id) > 1).count();
    }

    /** The copies beyond one per acknowledgement: mail sent again with the same Message-ID after a crash. */
    public long resentCopies(List<String> reportIds) {
        return reportIds.stream().mapToLong(id -> Math.max(0, copies(id) - distinct(id))).sum();
    }
}

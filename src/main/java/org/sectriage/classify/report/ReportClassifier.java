package org.sectriage.classify.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sectriage.classify.AutomatedMail;
import org.sectriage.classify.AutomatedMailDetector;
import org.sectriage.domain.MessageKind;
import org.sectriage.parse.ParsedMessage;

/**
 * The engine that classifies an inbound message over {@link ReportRules}: what kind of mail it is, which
 * vulnerability class and CWE ids it reports, how severe it is, what a good report would add, and
 * whether it concerns an unsupported version. Mail written by machines is recognised by its headers
 * ({@link AutomatedMailDetector}); everything else by its subject and body text.
 *
 * <p>A message no rule recognises is a security report of class {@code other}: whatever a person writes
 * to the security address is treated as a report unless its words say otherwise. A classifier is
 * immutable and may be shared between threads.
 */
public final class ReportClassifier {

    private final ReportRules rules;
    private final SupportedVersions supported;
    private final AutomatedMailDetector automated;
    private final List<String> askFor;
    private final CvssVectorFinder cvss = new CvssVectorFinder();

    /** A classifier over {@code rules} for a project that fixes {@code supported} versions and asks for every item. */
    public ReportClassifier(ReportRules rules, SupportedVersions supported, AutomatedMailDetector automated) {
        this(rules, supported, automated, List.of());
    }

    /**
     * A classifier over {@code rules} for a project that fixes {@code supported} versions and whose
     * policy asks reporters for the completeness items {@code askFor} (empty: every item of the rules).
     *
     * @throws IllegalArgumentException when {@code askFor} names an item the rules do not have
     */
    public ReportClassifier(ReportRules rules, SupportedVersions supported, AutomatedMailDetector automated,
                            List<String> askFor) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.supported = Objects.requireNonNull(supported, "supported");
        this.automated = Objects.requireNonNull(automated, "automated");
        for (String item : askFor) {
            if (!rules.completeness().containsKey(item)) {
                throw new IllegalArgumentException("no completeness item '" + item + "' in the rules; they have "
                        + String.join(", ", rules.completeness().keySet()));
            }
        }
        this.askFor = askFor.isEmpty() ? List.copyOf(rules.completeness().keySet()) : List.copyOf(askFor);
    }

    /** The rules this classifier works over. */
    public ReportRules rules() {
        return rules;
    }

    /** The classification of {@code message}. */
    public Classification classify(ParsedMessage message) {
        Optional<AutomatedMail> machine = automated.detect(message);
        if (machine.isPresent()) {
            // Our own mail coming back (a loop) is answered as little as an auto-reply.
            return Classification.notAReport(
                    machine.get().kind() == MessageKind.BOUNCE ? ReportKind.BOUNCE : ReportKind.AUTO_REPLY);
        }
        if (isFollowUp(message)) {
            return Classification.notAReport(ReportKind.FOLLOW_UP);
        }
        return classifyText(message.subjectAndText());
    }

    /**
     * True when {@code message} answers mail sectriage sent (its Message-IDs begin {@code <sectriage.})
     * or names a case by its tag in the subject: what threading would attach to a case, as far as it can
     * be told without the case database.
     */
    static boolean isFollowUp(ParsedMessage message) {
        boolean answersUs = java.util.stream.Stream.concat(message.inReplyTo().stream(), message.references().stream())
                .anyMatch(id -> id.startsWith("<sectriage."));
        return answersUs || org.sectriage.domain.CaseId.findTag(message.subject()).isPresent();
    }

    /** The classification of a message written by a person whose subject and body are {@code text}. */
    public Classification classifyText(String text) {
        return classifyText(text, false);
    }

    /**
     * The classification of {@code text} as a security report, whatever its words say: for a message
     * an admin or maintainer has declared a report.
     */
    public Classification classifyAsReport(String text) {
        return classifyText(text, true);
    }

    private Classification classifyText(String plain, boolean isReport) {
        SearchText text = new SearchText(plain);
        List<Integer> namedCwes = TextMentions.cwes(text);
        Optional<CvssVector> vector = cvss.find(text);
        VulnClassRule best = null;
        int bestScore = 0;
        for (VulnClassRule candidate : rules.classes().values()) {
            int score = classScore(candidate, text, namedCwes);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        if (!isReport) {
            int security = rules.security().score(text) + bestScore
                    + (vector.isPresent() ? rules.threshold("cvss-weight") : 0)
                    + (namedCwes.isEmpty() ? 0 : rules.threshold("cwe-weight")); // any CWE, also one of no class
            int evidence = security - (bestScore < rules.threshold("class-min") ? bestScore : 0);
            ReportKind kind = kindOf(security, evidence, rules.spam().score(text), rules.notSecurity().score(text));
            if (kind != ReportKind.SECURITY) {
                return Classification.notAReport(kind);
            }
        }
        VulnClassRule vulnClass = bestScore >= rules.threshold("class-min") ? best : rules.otherClass();
        List<Integer> cwes = !namedCwes.isEmpty() || vulnClass.cwes().isEmpty()
                ? namedCwes : List.of(vulnClass.cwes().get(0));
        boolean scored = vector.map(CvssVector::isScored).orElse(false);
        Severity severity = scored ? vector.get().severity() : vulnClass.estimate(rules.impact().score(text));
        List<CompletenessItem> present = presentItems(text);
        return new Classification(ReportKind.SECURITY, vulnClass.name(), cwes, severity,
                scored ? SeveritySource.CVSS : SeveritySource.ESTIMATE,
                vector.map(CvssVector::vector).orElse(null),
                vector.map(CvssVector::score).orElse(null),
                rules.completeness().values().stream()
                        .filter(item -> askFor.contains(item.name()) && !present.contains(item))
                        .filter(item -> !(item.name().equals(ReportRules.ISSUE_TYPE_ITEM)
                                && !vulnClass.name().equals(ReportRules.OTHER_CLASS)))
                        .map(CompletenessItem::name).toList(),
                present.stream().noneMatch(CompletenessItem::isConcrete),
                supported.unsupportedAmong(TextMentions.versions(text, rules.versionPatterns())).orElse(null));
    }

    /** The score of {@code candidate}: its terms, plus a strong weight for each of its CWE ids the reporter named. */
    private int classScore(VulnClassRule candidate, CharSequence text, List<Integer> namedCwes) {
        if (candidate.name().equals(ReportRules.OTHER_CLASS)) {
            return 0;
        }
        long named = namedCwes.stream().filter(candidate.cwes()::contains).count();
        return candidate.terms().score(text) + (int) named * rules.threshold("cwe-weight");
    }

    /**
     * The kind of a person's message from its scores: spam or an ordinary request when their evidence
     * reaches its minimum and outweighs the security evidence; and, when there is next to no security
     * evidence at all ({@code evidence}: no vulnerability word, no class named, no CVSS vector, no CWE;
     * a few words of a class that does not reach its minimum do not count) and some evidence of spam
     * or of an ordinary request, not a report either: spam or an ordinary request, whichever has more,
     * whose answer invites the sender to reply if it is a vulnerability after all. A message with no
     * evidence of anything (a short note, an unreadable body) is taken for a report: the safe side.
     */
    private ReportKind kindOf(int security, int evidence, int spam, int notSecurity) {
        if (spam >= rules.threshold("spam-min") && spam > security) {
            return ReportKind.SPAM;
        }
        if (notSecurity >= rules.threshold("not-security-min") && notSecurity > security) {
            return ReportKind.NOT_SECURITY;
        }
        if (evidence < rules.threshold("security-min") && (spam > 0 || notSecurity > 0)) {
            return spam > notSecurity ? ReportKind.SPAM : ReportKind.NOT_SECURITY;
        }
        return ReportKind.SECURITY;
    }

    private List<CompletenessItem> presentItems(CharSequence text) {
        List<CompletenessItem> present = new ArrayList<>();
        for (CompletenessItem item : rules.completeness().values()) {
            if (item.terms().score(text) >= rules.threshold("item-min")) {
                present.add(item);
            }
        }
        return present;
    }
}

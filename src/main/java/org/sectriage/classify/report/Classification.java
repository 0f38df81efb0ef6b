package org.sectriage.classify.report;

import java.util.List;

/**
 * What the {@link ReportClassifier} made of one inbound message. For anything but a security report
 * the vulnerability fields are empty: class {@code none}, no CWE ids, severity {@code none}.
 *
 * @param kind               what the message is
 * @param vulnClass          the vulnerability class's name from the rules, e.g. {@code xss}, or {@code none}
 * @param cwes               CWE ids: those the reporter named, else the class's main one
 * @param severity           from the CVSS vector's score when there is one, else estimated
 * @param severitySource     where the severity came from
 * @param cvssVector         the CVSS vector found in the report, or null
 * @param cvssScore          its score (see {@link CvssVector}), or null when there is none
 * @param missing            the completeness items the report lacks, by name, in the rules' order
 * @param lowEvidence        true for a security report with none of the concrete items (version, steps, code location)
 * @param unsupportedVersion the unsupported version the report names, or null
 */
public record Classification(
        ReportKind kind,
        String vulnClass,
        List<Integer> cwes,
        Severity severity,
        SeveritySource severitySource,
        String cvssVector,
        Double cvssScore,
        List<String> missing,
        boolean lowEvidence,
        String unsupportedVersion) {

    /** The class name of messages that are not security reports. */
    public static final String NO_CLASS = "none";

    public Classification {
        cwes = List.copyOf(cwes);
        missing = List.copyOf(missing);
    }

    /** The classification of a message that is not a security report. */
    public static Classification notAReport(ReportKind kind) {
        return new Classification(kind, NO_CLASS, List.of(), Severity.NONE, SeveritySource.ESTIMATE,
                null, null, List.of(), false, null);
    }

    /** True when the message is a security report. */
    public boolean isSecurityReport() {
        return kind == ReportKind.SECURITY;
    }

    /**
     * A one-line account of the classification for the event log and the maintainers, naming no
     * report content, e.g. "security report: xss (CWE-79), severity medium (estimate); missing:
     * affected-versions; low evidence".
     */
    public String summary() {
        if (!isSecurityReport()) {
            return kind.label();
        }
        StringBuilder sb = new StringBuilder("security report: ").append(vulnClass);
        if (!cwes.isEmpty()) {
            sb.append(" (").append(String.join(", ", cweNames())).append(')');
        }
        sb.append(", severity ").append(severity.label());
        if (cvssScore != null) {
            sb.append(" (CVSS ").append(cvssScore).append(')');
        } else {
            sb.append(" (").append(severitySource.label()).append(')');
        }
        if (!missing.isEmpty()) {
            sb.append("; missing: ").append(String.join(", ", missing));
        }
        if (lowEvidence) {
            sb.append("; low evidence");
        }
        if (unsupportedVersion != null) {
            sb.append("; names unsupported version ").append(unsupportedVersion);
        }
        return sb.toString();
    }

    /** The CWE ids written as {@code CWE-79}. */
    public List<String> cweNames() {
        return cwes.stream().map(id -> "CWE-" + id).toList();
    }
}

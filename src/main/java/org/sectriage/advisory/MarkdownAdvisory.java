package org.sectriage.advisory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The advisory as Markdown for people: a title, a table of the facts (with what is still open said
 * so), summary, details, remedy, credits and timeline. Dates are UTC.
 */
final class MarkdownAdvisory implements AdvisoryWriter {

    @Override
    public String write(AdvisoryCase advisory, Project project, Instant generatedAt) {
        List<String> out = new ArrayList<>();
        out.add("# " + advisory.id() + ": " + oneLine(advisory.title()));
        out.add("");
        out.add("> Draft advisory for " + oneLine(project.product()) + ", written " + date(generatedAt)
                + (advisory.publishedAt() == null ? "; not for publication yet." : "."));
        out.add("");
        out.add("| | |");
        out.add("| --- | --- |");
        row(out, "Product", project.product());
        row(out, "Severity", advisory.effectiveSeverity().map(s -> capitalised(s.label())).orElse("not rated yet"));
        row(out, "CVSS", advisory.cvss() == null ? "not scored yet" : cvss(advisory));
        row(out, "Weakness", advisory.cwes().isEmpty() ? "not classified yet" : advisory.cwes().stream()
                .map(id -> "CWE-" + id + CweNames.of(id).map(name -> ": " + name).orElse(""))
                .collect(Collectors.joining("; ")));
        row(out, "Affected versions", advisory.affectedVersions().isEmpty()
                ? (advisory.fixedVersion() == null ? "to be determined" : "versions before " + advisory.fixedVersion())
                : String.join(", ", advisory.affectedVersions()));
        row(out, "Fixed in", advisory.fixedVersion() == null ? "not fixed yet" : advisory.fixedVersion());
        out.add("");
        if (advisory.summary() != null) {
            section(out, "Summary", advisory.summary());
        }
        section(out, "Details", advisory.description() == null ? "To be written." : advisory.description());
        section(out, "Remedy", advisory.fixedVersion() == null
                ? "No fixed version yet."
                : "Update to " + project.product() + " " + advisory.fixedVersion() + " or later.");
        if (!advisory.credits().isEmpty()) {
            section(out, "Credits", "Reported by " + advisory.credits().stream().map(MarkdownAdvisory::oneLine)
                    .collect(Collectors.joining(", ")) + ".");
        }
        List<String> timeline = new ArrayList<>();
        timeline.add("- " + date(advisory.openedAt()) + ": reported");
        if (advisory.fixedAt() != null) {
            timeline.add("- " + date(advisory.fixedAt()) + ": fixed" + (advisory.fixedVersion() == null ? ""
                    : " in " + advisory.fixedVersion()));
        }
        if (advisory.publishedAt() != null) {
            timeline.add("- " + date(advisory.publishedAt()) + ": published");
        }
        section(out, "Timeline", String.join("\n", timeline));
        return String.join("\n", out).stripTrailing() + "\n";
    }

    private static String cvss(AdvisoryCase advisory) {
        return advisory.cvss().isScored()
                ? String.format(Locale.ROOT, "%.1f (`%s`)", advisory.cvss().score(), advisory.cvss().vector())
                : "`" + advisory.cvss().vector() + "` (CVSS " + advisory.cvss().version() + ", not scored)";
    }

    private static void row(List<String> out, String name, String value) {
        out.add("| " + name + " | " + oneLine(value).replace("|", "\\|") + " |");
    }

    private static void section(List<String> out, String title, String text) {
        out.add("## " + title);
        out.add("");
        out.add(text.strip());
        out.add("");
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static LocalDate date(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}

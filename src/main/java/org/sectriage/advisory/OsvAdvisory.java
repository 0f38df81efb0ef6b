package org.sectriage.advisory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import org.sectriage.classify.report.CvssVector;

/**
 * The advisory as an OSV record (schema 1.6): id, dates, summary and details, CVSS severity,
 * the affected package with the fix as an ECOSYSTEM range, credits, and the CWE ids and severity word
 * in {@code database_specific} as GitHub's advisories carry them.
 */
final class OsvAdvisory implements AdvisoryWriter {

    /** The OSV schema version whose features the record uses (CVSS_V4 came with 1.6.2). */
    static final String SCHEMA_VERSION = "1.6.2";

    @Override
    public String write(AdvisoryCase advisory, Project project, Instant generatedAt) {
        ObjectNode osv = AdvisoryJson.object();
        osv.put("schema_version", SCHEMA_VERSION);
        osv.put("id", advisory.id().toString());
        osv.put("modified", AdvisoryJson.timestamp(generatedAt));
        if (advisory.publishedAt() != null) {
            osv.put("published", AdvisoryJson.timestamp(advisory.publishedAt()));
        }
        osv.put("summary", advisory.title());
        details(advisory).ifPresent(details -> osv.put("details", details));
        if (advisory.cvss() != null) {
            osv.putArray("severity").add(severity(advisory.cvss()));
        }
        affected(advisory, project).ifPresent(affected -> osv.putArray("affected").add(affected));
        if (!advisory.credits().isEmpty()) {
            ArrayNode credits = osv.putArray("credits");
            advisory.credits().forEach(name -> credits.addObject().put("name", name).put("type", "REPORTER"));
        }
        osv.set("database_specific", databaseSpecific(advisory, project));
        return AdvisoryJson.write(osv);
    }

    private static Optional<String> details(AdvisoryCase advisory) {
        if (advisory.summary() == null) {
            return Optional.ofNullable(advisory.description());
        }
        return Optional.of(advisory.description() == null ? advisory.summary()
                : advisory.summary() + "\n\n" + advisory.description());
    }

    private static ObjectNode severity(CvssVector cvss) {
        ObjectNode severity = AdvisoryJson.object();
        severity.put("type", "4.0".equals(cvss.version()) ? "CVSS_V4" : "CVSS_V3");
        severity.put("score", cvss.vector());
        return severity;
    }

    /**
     * The affected package: with an ecosystem, the package and, once fixed, the range up to the fix;
     * without one, only the affected versions. Empty when nothing is known to list.
     */
    private static Optional<ObjectNode> affected(AdvisoryCase advisory, Project project) {
        ObjectNode affected = AdvisoryJson.object();
        Optional<String> packageName = project.osvPackage();
        packageName.ifPresent(name -> affected.putObject("package").put("ecosystem", project.ecosystem()).put("name", name));
        boolean ranged = packageName.isPresent() && advisory.fixedVersion() != null;
        if (ranged) {
            ObjectNode range = affected.putArray("ranges").addObject();
            range.put("type", "ECOSYSTEM");
            ArrayNode events = range.putArray("events");
            events.addObject().put("introduced", "0");
            events.addObject().put("fixed", advisory.fixedVersion());
        }
        if (!advisory.affectedVersions().isEmpty()) {
            affected.set("versions", AdvisoryJson.strings(advisory.affectedVersions()));
        } else if (!ranged) {
            return Optional.empty();
        }
        return Optional.of(affected);
    }

    private static ObjectNode databaseSpecific(AdvisoryCase advisory, Project project) {
        ObjectNode specific = AdvisoryJson.object();
        specific.put("draft", true);
        specific.put("product", project.product());
        advisory.effectiveSeverity().ifPresent(s -> specific.put("severity", s.label().toUpperCase(java.util.Locale.ROOT)));
        advisory.scoredCvss().ifPresent(cvss -> specific.put("cvss_score", cvss.score()));
        if (!advisory.cwes().isEmpty()) {
            specific.set("cwe_ids", AdvisoryJson.strings(advisory.cwes().stream().map(id -> "CWE-" + id).toList()));
        }
        if (advisory.fixedVersion() != null) {
            specific.put("fixed_version", advisory.fixedVersion());
        }
        specific.put("reported", AdvisoryJson.timestamp(advisory.openedAt()));
        if (advisory.fixedAt() != null) {
            specific.put("fixed", AdvisoryJson.timestamp(advisory.fixedAt()));
        }
        return specific;
    }
}

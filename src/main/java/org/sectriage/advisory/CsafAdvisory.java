package org.sectriage.advisory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sectriage.classify.report.CvssVector;
import org.sectriage.classify.report.Severity;

/**
 * The advisory as a CSAF 2.0 document of the {@code csaf_security_advisory} profile, in draft status
 * (version 0.1.0, TLP:AMBER until it is published): the product tree of the affected and fixed
 * versions, and one vulnerability with its CWE, CVSS 3.x score, product status, remediation and
 * acknowledgments. CSAF 2.0 has no place for a CVSS 4.0 vector, so one goes into a note.
 */
final class CsafAdvisory implements AdvisoryWriter {

    static final String DRAFT_VERSION = "0.1.0";

    @Override
    public String write(AdvisoryCase advisory, Project project, Instant generatedAt) {
        Products products = Products.of(advisory, project);
        ObjectNode csaf = AdvisoryJson.object();
        csaf.set("document", document(advisory, project, generatedAt));
        csaf.set("product_tree", products.tree());
        csaf.putArray("vulnerabilities").add(vulnerability(advisory, project, products));
        return AdvisoryJson.write(csaf);
    }

    private static ObjectNode document(AdvisoryCase advisory, Project project, Instant generatedAt) {
        ObjectNode document = AdvisoryJson.object();
        document.put("category", "csaf_security_advisory");
        document.put("csaf_version", "2.0");
        advisory.effectiveSeverity().ifPresent(s -> document.putObject("aggregate_severity").put("text", word(s)));
        ObjectNode distribution = document.putObject("distribution");
        distribution.put("text", advisory.publishedAt() == null
                ? "Draft: for the project's maintainers and the reporter until it is published."
                : "Draft of a published advisory.");
        distribution.putObject("tlp").put("label", advisory.publishedAt() == null ? "AMBER" : "WHITE");
        document.put("lang", "en");
        document.putArray("notes").addObject()
                .put("category", "summary")
                .put("title", "Summary")
                .put("text", advisory.summary() == null ? advisory.title() : advisory.summary());
        document.putObject("publisher")
                .put("category", "vendor")
                .put("name", project.vendor())
                .put("namespace", project.namespace().toString());
        document.put("title", advisory.title());
        String released = AdvisoryJson.timestamp(advisory.publishedAt() == null ? generatedAt : advisory.publishedAt());
        ObjectNode tracking = document.putObject("tracking");
        tracking.put("current_release_date", released);
        ObjectNode generator = tracking.putObject("generator");
        generator.put("date", AdvisoryJson.timestamp(generatedAt));
        generator.putObject("engine").put("name", "sectriage");
        tracking.put("id", advisory.id().toString());
        tracking.put("initial_release_date", released);
        tracking.putArray("revision_history").addObject()
                .put("date", released)
                .put("number", DRAFT_VERSION)
                .put("summary", "Draft written from case " + advisory.id() + ".");
        tracking.put("status", "draft");
        tracking.put("version", DRAFT_VERSION);
        return document;
    }

    private static ObjectNode vulnerability(AdvisoryCase advisory, Project project, Products products) {
        ObjectNode vulnerability = AdvisoryJson.object();
        if (!advisory.credits().isEmpty()) {
            vulnerability.putArray("acknowledgments").addObject().set("names", AdvisoryJson.strings(advisory.credits()));
        }
        mainCwe(advisory).ifPresent(cwe -> vulnerability.putObject("cwe")
                .put("id", "CWE-" + cwe).put("name", CweNames.of(cwe).orElseThrow()));
        vulnerability.putArray("ids").addObject()
                .put("system_name", project.vendor() + " security case")
                .put("text", advisory.id().toString());
        vulnerability.set("notes", notes(advisory));
        ObjectNode status = vulnerability.putObject("product_status");
        status.set("known_affected", AdvisoryJson.strings(products.affected()));
        products.fixed().ifPresent(fixed -> status.set("fixed", AdvisoryJson.strings(List.of(fixed))));
        if (advisory.fixedVersion() != null) {
            ObjectNode remediation = vulnerability.putArray("remediations").addObject();
            remediation.put("category", "vendor_fix");
            if (advisory.fixedAt() != null) {
                remediation.put("date", AdvisoryJson.timestamp(advisory.fixedAt()));
            }
            remediation.put("details", "Update to " + project.product() + " " + advisory.fixedVersion() + " or later.");
            remediation.set("product_ids", AdvisoryJson.strings(products.affected()));
        }
        advisory.cvss3().ifPresent(cvss -> {
            ObjectNode score = vulnerability.putArray("scores").addObject();
            score.set("cvss_v3", cvssV3(cvss));
            score.set("products", AdvisoryJson.strings(products.affected()));
        });
        vulnerability.put("title", advisory.title());
        return vulnerability;
    }

    /** The first CWE id whose name is known: CSAF's {@code cwe} needs both, and holds only one. */
    private static Optional<Integer> mainCwe(AdvisoryCase advisory) {
        return advisory.cwes().stream().filter(id -> CweNames.of(id).isPresent()).findFirst();
    }

    private static ArrayNode notes(AdvisoryCase advisory) {
        ArrayNode notes = AdvisoryJson.object().arrayNode();
        notes.addObject().put("category", "description").put("title", "Description")
                .put("text", advisory.description() == null ? advisory.title() : advisory.description());
        if (advisory.cwes().size() > 1 || advisory.cwes().size() == 1 && mainCwe(advisory).isEmpty()) {
            notes.addObject().put("category", "other").put("title", "Weaknesses")
                    .put("text", advisory.cwes().stream().map(id -> "CWE-" + id).collect(Collectors.joining(", ")));
        }
        if (advisory.cvss() != null && advisory.cvss3().isEmpty()) {
            CvssVector cvss = advisory.cvss();
            notes.addObject().put("category", "other").put("title", "CVSS v" + cvss.version())
                    .put("text", cvss.withScore());
        }
        notes.addObject().put("category", "other").put("title", "Reported")
                .put("text", "Reported to the project on " + AdvisoryJson.timestamp(advisory.openedAt()) + ".");
        return notes;
    }

    private static ObjectNode cvssV3(CvssVector cvss) {
        ObjectNode node = AdvisoryJson.object();
        node.put("version", cvss.version());
        node.put("vectorString", cvss.vector());
        node.put("baseScore", cvss.score());
        node.put("baseSeverity", cvss.severity().label().toUpperCase(Locale.ROOT));
        return node;
    }

    private static String word(Severity severity) {
        String label = severity.label();
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    /**
     * The product tree: vendor, then product, then one branch per affected version and one for the
     * fixed version. With no affected version listed, the versions before the fix are one range; with
     * neither, the product itself is what is known to be affected.
     */
    private record Products(ObjectNode tree, List<String> affected, Optional<String> fixed) {

        static Products of(AdvisoryCase advisory, Project project) {
            List<ObjectNode> versions = new ArrayList<>();
            List<String> affected = new ArrayList<>();
            for (String version : advisory.affectedVersions()) {
                affected.add(add(versions, "product_version", version, project.product() + " " + version));
            }
            String fixedVersion = advisory.fixedVersion();
            if (affected.isEmpty() && fixedVersion != null) {
                affected.add(add(versions, "product_version_range", "vers:generic/<" + fixedVersion,
                        project.product() + " before " + fixedVersion));
            }
            Optional<String> fixed = fixedVersion == null ? Optional.empty()
                    : Optional.of(add(versions, "product_version", fixedVersion, project.product() + " " + fixedVersion));

            ObjectNode tree = AdvisoryJson.object();
            ObjectNode vendor = tree.putArray("branches").addObject();
            vendor.put("category", "vendor").put("name", project.vendor());
            ObjectNode product = vendor.putArray("branches").addObject();
            product.put("category", "product_name").put("name", project.product());
            if (versions.isEmpty()) {
                String id = productId(1);
                product.putObject("product").put("name", project.product()).put("product_id", id);
                affected.add(id);
            } else {
                product.putArray("branches").addAll(versions);
            }
            return new Products(tree, List.copyOf(affected), fixed);
        }

        private static String add(List<ObjectNode> versions, String category, String name, String fullName) {
            String id = productId(versions.size() + 1);
            ObjectNode branch = AdvisoryJson.object();
            branch.put("category", category).put("name", name);
            branch.putObject("product").put("name", fullName).put("product_id", id);
            versions.add(branch);
            return id;
        }

        private static String productId(int n) {
            return String.format(Locale.ROOT, "CSAFPID-%04d", n);
        }
    }
}

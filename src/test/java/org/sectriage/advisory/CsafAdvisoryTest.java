package org.sectriage.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sectriage.advisory.AdvisoryFixtures.GENERATED;
import static org.sectriage.advisory.AdvisoryFixtures.MAVEN_PROJECT;
import static org.sectriage.advisory.AdvisoryFixtures.cvss;
import static org.sectriage.advisory.AdvisoryFixtures.everythingKnown;
import static org.sectriage.advisory.AdvisoryFixtures.nothingKnownYet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSAF 2.0 security advisory of a case, checked against the official CSAF and CVSS schemas. */
class CsafAdvisoryTest {

    private static JsonNode csaf(AdvisoryCase advisory) throws Exception {
        String text = AdvisoryFormat.CSAF.writer().write(advisory, MAVEN_PROJECT, GENERATED);
        assertThat(AdvisorySchemas.problems(AdvisorySchemas.CSAF, text)).as(text).isEmpty();
        return new ObjectMapper().readTree(text);
    }

    @Test
    void aFixedCaseIsADraftSecurityAdvisoryWithProductsScoreAndRemedy() throws Exception {
        JsonNode csaf = csaf(everythingKnown().build());

        JsonNode document = csaf.path("document");
        assertThat(document.path("category").asText()).isEqualTo("csaf_security_advisory");
        assertThat(document.at("/publisher/namespace").asText()).isEqualTo("https://example.org");
        assertThat(document.at("/tracking/id").asText()).isEqualTo("SEC-2026-0007");
        assertThat(document.at("/tracking/status").asText()).isEqualTo("draft");
        assertThat(document.at("/tracking/version").asText()).isEqualTo("0.1.0");
        assertThat(document.at("/tracking/revision_history/0/number").asText()).isEqualTo("0.1.0");
        assertThat(document.at("/tracking/initial_release_date").asText()).isEqualTo("2026-04-15T09:00:00Z");
        assertThat(document.at("/aggregate_severity/text").asText()).isEqualTo("High");

        JsonNode versions = csaf.at("/product_tree/branches/0/branches/0/branches");
        assertThat(versions.findValuesAsText("name")).contains("2.4.0", "2.3.9", "2.4.1");

        JsonNode vulnerability = csaf.at("/vulnerabilities/0");
        assertThat(vulnerability.at("/cwe/id").asText()).isEqualTo("CWE-22");
        assertThat(vulnerability.at("/cwe/name").asText())
                .isEqualTo("Improper Limitation of a Pathname to a Restricted Directory ('Path Traversal')");
        assertThat(vulnerability.at("/product_status/known_affected").toString()).isEqualTo("[\"CSAFPID-0001\",\"CSAFPID-0002\"]");
        assertThat(vulnerability.at("/product_status/fixed").toString()).isEqualTo("[\"CSAFPID-0003\"]");
        assertThat(vulnerability.at("/remediations/0/details").asText()).isEqualTo("Update to example-server 2.4.1 or later.");
        assertThat(vulnerability.at("/scores/0/cvss_v3/baseScore").asDouble()).isEqualTo(7.5);
        assertThat(vulnerability.at("/scores/0/cvss_v3/baseSeverity").asText()).isEqualTo("HIGH");
        assertThat(vulnerability.at("/acknowledgments/0/names/0").asText()).isEqualTo("Alex Kowalski (Kowalski Security)");
        assertThat(vulnerability.path("notes").findValuesAsText("text")).contains("CWE-22, CWE-23");
    }

    @Test
    void aCaseWithNothingKnownYetIsStillAValidAdvisoryAboutTheProduct() throws Exception {
        JsonNode csaf = csaf(nothingKnownYet());

        assertThat(csaf.at("/product_tree/branches/0/branches/0/product/product_id").asText()).isEqualTo("CSAFPID-0001");
        JsonNode vulnerability = csaf.at("/vulnerabilities/0");
        assertThat(vulnerability.at("/product_status/known_affected").toString()).isEqualTo("[\"CSAFPID-0001\"]");
        assertThat(vulnerability.has("scores")).isFalse();
        assertThat(vulnerability.has("cwe")).isFalse();
        assertThat(vulnerability.has("remediations")).isFalse();
        assertThat(vulnerability.has("acknowledgments")).isFalse();
        assertThat(csaf.at("/document/distribution/tlp/label").asText()).isEqualTo("AMBER");
        assertThat(csaf.at("/document/tracking/initial_release_date").asText()).isEqualTo("2026-04-10T12:30:45Z");
    }

    @Test
    void aFixWithoutListedVersionsMakesTheVersionsBeforeItTheAffectedRange() throws Exception {
        JsonNode csaf = csaf(everythingKnown().affectedVersions(List.of()).build());

        JsonNode range = csaf.at("/product_tree/branches/0/branches/0/branches/0");
        assertThat(range.path("category").asText()).isEqualTo("product_version_range");
        assertThat(range.path("name").asText()).isEqualTo("vers:generic/<2.4.1");
    }

    @Test
    void aCvss30VectorPassesTheCvss30SchemaItRefersTo() throws Exception {
        JsonNode csaf = csaf(everythingKnown().cvss(cvss("CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N")).build());

        assertThat(csaf.at("/vulnerabilities/0/scores/0/cvss_v3/version").asText()).isEqualTo("3.0");
    }

    @Test
    void aCvss40VectorHasNoPlaceInCsaf20AndIsKeptInANoteWithItsScore() throws Exception {
        JsonNode csaf = csaf(everythingKnown()
                .cvss(cvss("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N")).severity(null).build());

        assertThat(csaf.at("/vulnerabilities/0").has("scores")).isFalse();
        assertThat(csaf.at("/vulnerabilities/0/notes").findValuesAsText("title")).contains("CVSS v4.0");
        assertThat(csaf.at("/vulnerabilities/0/notes").findValuesAsText("text"))
                .contains("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N (8.7 high)");
        assertThat(csaf.at("/document/aggregate_severity/text").asText()).isEqualToIgnoringCase("high");
    }

    @Test
    void aCweWithoutAKnownNameIsNamedInANoteOnly() throws Exception {
        JsonNode csaf = csaf(everythingKnown().cwes(List.of(1427)).build());

        assertThat(csaf.at("/vulnerabilities/0").has("cwe")).isFalse();
        assertThat(csaf.at("/vulnerabilities/0/notes").findValuesAsText("text")).contains("CWE-1427");
    }

    @Test
    void theCvssSchemasAreReallyAppliedToTheScore() {
        String text = AdvisoryFormat.CSAF.writer().write(everythingKnown().build(), MAVEN_PROJECT, GENERATED)
                .replace("\"baseScore\" : 7.5", "\"baseScore\" : 11.5");

        assertThat(AdvisorySchemas.problems(AdvisorySchemas.CSAF, text)).isNotEmpty();
    }
}

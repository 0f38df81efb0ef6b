package org.sectriage.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sectriage.advisory.AdvisoryFixtures.GENERATED;
import static org.sectriage.advisory.AdvisoryFixtures.MAVEN_PROJECT;
import static org.sectriage.advisory.AdvisoryFixtures.PLAIN_PROJECT;
import static org.sectriage.advisory.AdvisoryFixtures.cvss;
import static org.sectriage.advisory.AdvisoryFixtures.everythingKnown;
import static org.sectriage.advisory.AdvisoryFixtures.nothingKnownYet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OSV record of a case, checked against the official OSV schema. */
class OsvAdvisoryTest {

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    private static String osv(AdvisoryCase advisory, Project project) {
        String text = AdvisoryFormat.OSV.writer().write(advisory, project, GENERATED);
        assertThat(AdvisorySchemas.problems(AdvisorySchemas.OSV, text)).as(text).isEmpty();
        return text;
    }

    @Test
    void aFixedCaseIsAnOsvRecordWithThePackageTheFixedRangeAndTheScore() throws Exception {
        JsonNode osv = json(osv(everythingKnown().build(), MAVEN_PROJECT));

        assertThat(osv.path("id").asText()).isEqualTo("SEC-2026-0007");
        assertThat(osv.path("modified").asText()).isEqualTo("2026-04-10T12:30:45Z");
        assertThat(osv.path("published").asText()).isEqualTo("2026-04-15T09:00:00Z");
        assertThat(osv.path("summary").asText()).isEqualTo("Path traversal in the static file handler");
        assertThat(osv.path("details").asText()).startsWith("A double-encoded slash").contains("`..%252f`");
        assertThat(osv.at("/severity/0/type").asText()).isEqualTo("CVSS_V3");
        assertThat(osv.at("/severity/0/score").asText()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
        JsonNode affected = osv.at("/affected/0");
        assertThat(affected.at("/package/ecosystem").asText()).isEqualTo("Maven");
        assertThat(affected.at("/package/name").asText()).isEqualTo("org.example:example-server");
        assertThat(affected.at("/ranges/0/events/1/fixed").asText()).isEqualTo("2.4.1");
        assertThat(affected.path("versions").toString()).isEqualTo("[\"2.4.0\",\"2.3.9\"]");
        assertThat(osv.at("/credits/0/name").asText()).isEqualTo("Alex Kowalski (Kowalski Security)");
        assertThat(osv.at("/database_specific/cwe_ids").toString()).isEqualTo("[\"CWE-22\",\"CWE-23\"]");
        assertThat(osv.at("/database_specific/severity").asText()).isEqualTo("HIGH");
        assertThat(osv.at("/database_specific/cvss_score").asDouble()).isEqualTo(7.5);
    }

    @Test
    void aCaseWithNothingKnownYetIsStillAValidRecord() throws Exception {
        JsonNode osv = json(osv(nothingKnownYet(), MAVEN_PROJECT));

        assertThat(osv.has("severity")).isFalse();
        assertThat(osv.has("affected")).isFalse();
        assertThat(osv.has("credits")).isFalse();
        assertThat(osv.has("published")).isFalse();
        assertThat(osv.at("/database_specific/draft").asBoolean()).isTrue();
    }

    @Test
    void aCvss40VectorIsACvssV4Severity() throws Exception {
        JsonNode osv = json(osv(AdvisoryCase.builder(AdvisoryFixtures.ID, "SSRF in the webhook sender",
                AdvisoryFixtures.OPENED).cvss(cvss("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:L/VA:N/SC:L/SI:N/SA:N"))
                .build(), MAVEN_PROJECT));

        assertThat(osv.at("/severity/0/type").asText()).isEqualTo("CVSS_V4");
        assertThat(osv.at("/database_specific/cvss_score").asDouble()).isEqualTo(7.1);
    }

    @Test
    void withoutAnEcosystemTheRecordListsVersionsButNoPackage() throws Exception {
        JsonNode osv = json(osv(everythingKnown().build(), PLAIN_PROJECT));

        assertThat(osv.at("/affected/0").has("package")).isFalse();
        assertThat(osv.at("/affected/0").has("ranges")).isFalse();
        assertThat(osv.at("/affected/0/versions").toString()).isEqualTo("[\"2.4.0\",\"2.3.9\"]");
        assertThat(osv.at("/database_specific/fixed_version").asText()).isEqualTo("2.4.1");

        JsonNode unversioned = json(osv(everythingKnown().affectedVersions(List.of()).build(), PLAIN_PROJECT));
        assertThat(unversioned.has("affected")).isFalse();
    }

    @Test
    void theSchemaCatchesARecordThatBreaksIt() {
        assertThat(AdvisorySchemas.problems(AdvisorySchemas.OSV,
                "{\"id\": \"SEC-2026-0007\", \"modified\": \"2026-04-10 12:30\", \"severity\": [{\"type\": \"CVSS_V9\"}]}"))
                .hasSizeGreaterThanOrEqualTo(3);
    }
}

package org.sectriage.advisory;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.sectriage.classify.report.CvssVector;
import org.sectriage.classify.report.CvssVectorFinder;
import org.sectriage.domain.CaseId;

/** Cases the advisory tests write up: one with everything known, one with next to nothing. */
final class AdvisoryFixtures {

    static final CaseId ID = CaseId.parse("SEC-2026-0007");
    static final Instant OPENED = Instant.parse("2026-03-02T08:13:58Z");
    static final Instant FIXED = Instant.parse("2026-04-14T16:00:00Z");
    static final Instant PUBLISHED = Instant.parse("2026-04-15T09:00:00Z");
    static final Instant GENERATED = Instant.parse("2026-04-10T12:30:45.123Z");
    static final Project MAVEN_PROJECT = new Project("example-server", "example.org",
            URI.create("https://example.org"), "Maven", "org.example:example-server");
    static final Project PLAIN_PROJECT = new Project("example-server", "example.org",
            URI.create("https://example.org"), null, null);

    private AdvisoryFixtures() {
    }

    static CvssVector cvss(String vector) {
        return new CvssVectorFinder().find(vector).orElseThrow();
    }

    static AdvisoryCase.Builder everythingKnown() {
        return AdvisoryCase.builder(ID, "Path traversal in the static file handler", OPENED)
                .summary("A double-encoded slash lets a remote user read any file the server can read.")
                .description("The static file handler decodes the request path twice, so `..%252f` becomes `../`"
                        + " after the traversal check.\n\nAll configurations are affected.")
                .cwes(List.of(22, 23))
                .cvss(cvss("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"))
                .affectedVersions(List.of("2.4.0", "2.3.9"))
                .fixed("2.4.1", FIXED)
                .credits(List.of("Alex Kowalski (Kowalski Security)"))
                .publishedAt(PUBLISHED);
    }

    static AdvisoryCase nothingKnownYet() {
        return AdvisoryCase.builder(ID, "Possible path traversal", OPENED).build();
    }
}

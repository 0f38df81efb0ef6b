package org.sectriage.classify.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sectriage.classify.AutomatedMailDetector;
import org.sectriage.parse.MailFixtures;

/** What the built-in rules make of real-looking reports and noise, one fixture under mail/classify/ each. */
class ReportClassifierTest {

    private static final ReportRules RULES = ReportRulesLoader.builtIn();

    private final ReportClassifier classifier = new ReportClassifier(RULES, SupportedVersions.from("2.4"),
            new AutomatedMailDetector("security@example.org"));

    private Classification classify(String fixture) {
        return classifier.classify(MailFixtures.parse("classify/" + fixture));
    }

    @Test
    void hackerOneStyleXssReportIsXssWithItsVersionAndSteps() {
        Classification c = classify("hackerone-style-stored-xss-with-steps-and-version.eml");

        assertThat(c.kind()).isEqualTo(ReportKind.SECURITY);
        assertThat(c.vulnClass()).isEqualTo("xss");
        assertThat(c.cweNames()).containsExactly("CWE-79");
        assertThat(c.severitySource()).isEqualTo(SeveritySource.ESTIMATE);
        assertThat(c.missing()).doesNotContain("affected-versions", "reproduction-steps", "impact", "code-location")
                .as("its class is the type of issue").doesNotContain("issue-type");
        assertThat(c.lowEvidence()).isFalse();
        assertThat(c.unsupportedVersion()).isNull();
    }

    @Test
    void aReportSentAsAnAttachedTextFileUnderAOneLineNoteIsReadFromTheFile() {
        Classification c = classify("gmail-see-the-attached-report-txt.eml");

        assertThat(c.kind()).isEqualTo(ReportKind.SECURITY);
        assertThat(c.vulnClass()).isEqualTo("sqli");
        assertThat(c.missing()).doesNotContain("issue-type", "affected-versions", "reproduction-steps", "impact",
                "code-location");
        assertThat(c.lowEvidence()).isFalse();
    }

    @Test
    void aRawHttpRequestPastedAsBurpCopiesItIsTheStepsToReproduceAndTheProofOfConcept() {
        Classification c = classify("pasted-burp-request-response-and-java-stack-trace.eml");

        assertThat(c.kind()).isEqualTo(ReportKind.SECURITY);
        assertThat(c.missing()).doesNotContain("reproduction-steps", "proof-of-concept", "affected-versions",
                "code-location", "impact", "credentials-needed");
    }

    @Test
    void aReportForwardedAsAnAttachedMailIsReadFromThatMail() {
        Classification c = classify("report-forwarded-as-an-attached-message-rfc822.eml");

        assertThat(c.kind()).isEqualTo(ReportKind.SECURITY);
        assertThat(c.vulnClass()).isEqualTo("injection-rce");
        assertThat(c.missing()).doesNotContain("affected-versions", "reproduction-steps", "impact");
        assertThat(c.lowEvidence()).isFalse();
    }

    @Test
    void aShortIdorReportIsAuthBypassAndItsRequestAndWhatAnyUserCanDoAreItsStepsAndImpact() {
        Classification c = classify("idor-other-users-profiles-by-changing-the-id.eml");

        assertThat(c.kind()).isEqualTo(ReportKind.SECURITY);
        assertThat(c.vulnClass()).isEqualTo("auth-bypass");
        assertThat(c.missing()).doesNotContain("issue-type", "affected-versions", "reproduction-steps", "impact",
                "code-location", "credentials-needed");
    }

    @Test
    void aDenialOfServiceWithACurlOneLinerHasItsStepsAndImpact() {
        Classification c = classify("unbounded-header-allocation-curl-one-liner.eml");

        assertThat(c.vulnClass()).isEqualTo("dos");
        assertThat(c.missing()).doesNotContain("affected-versions", "reproduction-steps", "impact",
                "credentials-needed");
    }

    @Test
    void anOpenRedirectShownByItsUrlAndWhatItCanBeUsedForHasItsLocationAndImpact() {
        Classification c = classify("open-redirect-logout-next-parameter.eml");

        assertThat(c.vulnClass()).isEqualTo("open-redirect");
        assertThat(c.missing()).doesNotContain("impact", "code-location");
    }

    @Test
    void tokensWrittenToALogAreInformationDisclosureAndWhoGetsThemIsTheImpact() {
        Classification c = classify("bearer-tokens-written-to-the-access-log.eml");

        assertThat(c.vulnClass()).isEqualTo("info-disclosure");
        assertThat(c.missing()).doesNotContain("impact", "code-location", "affected-versions");
    }

    @Test
    void anXxeReportToldAsTheRequestSentNeedingNoLoginHasItsStepsAndSaysWhoCanExploitIt() {
        Classification c = classify("xxe-in-saml-endpoint-no-login-needed.eml");

        assertThat(c.vulnClass()).isEqualTo("xxe");
        assertThat(c.missing()).doesNotContain("reproduction-steps", "credentials-needed", "code-location");
    }

    @Test
    void reportsWrittenInOtherLanguagesAreClassedAndTheirVersionsStepsAndImpactFound() {
        Map<String, String> classes = Map.of(
                "zh-avatar-upload-remote-code-execution.eml", "injection-rce",
                "es-order-by-sql-injection.eml", "sqli",
                "ru-search-reflected-xss.eml", "xss",
                "de-password-reset-account-takeover.eml", "auth-bypass",
                "fr-attachment-download-path-traversal.eml", "path-traversal");

        classes.forEach((fixture, vulnClass) -> {
            Classification c = classify(fixture);
            assertThat(c.kind()).as(fixture).isEqualTo(ReportKind.SECURITY);
            assertThat(c.vulnClass()).as(fixture).isEqualTo(vulnClass);
            assertThat(c.missing()).as(fixture).doesNotContain("issue-type", "affected-versions", "reproduction-steps",
                    "impact", "code-location", "credentials-needed");
        });
    }

    @Test
    void aReleaseNamedWithTwoNumbersAfterTheWordVersionIsTheAffectedVersion() {
        Classification c = classify("password-reset-any-user-version-two-numbers.eml");

        assertThat(c.vulnClass()).isEqualTo("auth-bypass");
        assertThat(c.missing()).doesNotContain("affected-versions", "impact");
    }

    @Test
    void addressSanitizerStackTraceIsMemoryCorruptionOfHighSeverity() {
        Classification c = classify("asan-heap-buffer-overflow-with-stack-trace.eml");

        assertThat(c.vulnClass()).isEqualTo("memory-corruption");
        assertThat(c.severity()).isEqualTo(Severity.HIGH);
        assertThat(c.missing()).doesNotContain("code-location", "reproduction-steps", "affected-versions");
    }

    @Test
    void cweIdNamedByTheReporterDecidesTheClassAndIsReported() {
        Classification c = classify("ssrf-report-naming-cwe-918.eml");

        assertThat(c.vulnClass()).isEqualTo("ssrf");
        assertThat(c.cwes()).containsExactly(918);
    }

    @Test
    void cweIdOutweighsTheWordsOfAnotherClass() {
        Classification c = classifier.classifyText("Possible XSS? No: the report is about CWE-352, the form has no token.");

        assertThat(c.vulnClass()).isEqualTo("csrf");
        assertThat(c.cwes()).containsExactly(352);
    }

    @Test
    void cvss31VectorGivesTheScoreAndRatingFromTheLibrary() {
        Classification c = classify("report-with-cvss31-vector.eml");

        assertThat(c.vulnClass()).isEqualTo("sqli");
        assertThat(c.cvssVector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N");
        assertThat(c.cvssScore()).isEqualTo(9.1);
        assertThat(c.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(c.severitySource()).isEqualTo(SeveritySource.CVSS);
    }

    @Test
    void cvss40VectorGivesTheScoreAndRatingFromTheLibrary() {
        Classification c = classify("report-with-cvss40-vector.eml");

        assertThat(c.vulnClass()).isEqualTo("path-traversal");
        assertThat(c.cvssVector()).isEqualTo("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N");
        assertThat(c.cvssScore()).isEqualTo(8.7);
        assertThat(c.severity()).isEqualTo(Severity.HIGH);
        assertThat(c.severitySource()).isEqualTo(SeveritySource.CVSS);
    }

    @Test
    void genericCriticalVulnerabilityMailIsASecurityReportFlaggedLowEvidence() {
        Classification c = classify("generic-ai-style-critical-vulnerability-low-evidence.eml");

        assertThat(c.kind()).isEqualTo(ReportKind.SECURITY);
        assertThat(c.vulnClass()).isEqualTo("other");
        assertThat(c.lowEvidence()).isTrue();
        assertThat(c.missing()).contains("issue-type", "affected-versions", "reproduction-steps", "code-location",
                "proof-of-concept");
    }

    @Test
    void featureRequestIsNotSecurity() {
        Classification c = classify("feature-request-dark-mode.eml");

        assertThat(c.kind()).isEqualTo(ReportKind.NOT_SECURITY);
        assertThat(c.vulnClass()).isEqualTo(Classification.NO_CLASS);
        assertThat(c.severity()).isEqualTo(Severity.NONE);
    }

    @Test
    void supportQuestionIsNotSecurity() {
        assertThat(classify("support-question-how-to-configure-ldap.eml").kind()).isEqualTo(ReportKind.NOT_SECURITY);
    }

    @Test
    void mailWithoutAnySignOfAVulnerabilityIsNoReport() {
        assertThat(classifier.classifyText("Where do I report a normal bug? The upload button does nothing in Safari.")
                .kind()).isEqualTo(ReportKind.NOT_SECURITY);
        assertThat(classifier.classifyText("The upload form lets an attacker write files outside the upload folder.")
                .kind()).isEqualTo(ReportKind.SECURITY);
    }

    @Test
    void seoMarketingMailIsSpam() {
        assertThat(classify("marketing-spam-seo-services.eml").kind()).isEqualTo(ReportKind.SPAM);
    }

    @Test
    void reportOnAVersionOlderThanTheSupportedOnesSaysSo() {
        Classification c = classify("report-on-unsupported-old-version-2.3.1.eml");

        assertThat(c.vulnClass()).isEqualTo("csrf");
        assertThat(c.unsupportedVersion()).isEqualTo("2.3.1");
    }

    @Test
    void reportOnASupportedVersionIsNotFlagged() {
        ReportClassifier latestOnly = new ReportClassifier(RULES, SupportedVersions.from("1.8"),
                new AutomatedMailDetector("security@example.org"));

        assertThat(latestOnly.classify(MailFixtures.parse("classify/report-with-cvss31-vector.eml"))
                .unsupportedVersion()).isNull();
    }

    @Test
    void germanReportIsReadInItsOwnWords() {
        Classification c = classify("german-path-traversal-report-iso-8859-1.eml");

        assertThat(c.kind()).isEqualTo(ReportKind.SECURITY);
        assertThat(c.vulnClass()).isEqualTo("path-traversal");
        assertThat(c.missing()).doesNotContain("affected-versions", "reproduction-steps", "impact");
        assertThat(c.lowEvidence()).isFalse();
    }

    @Test
    void germanAccountTakeoverReportIsAuthBypass() {
        assertThat(classifier.classify(MailFixtures.parse("iso-8859-1-report-german.eml")).vulnClass())
                .isEqualTo("auth-bypass");
    }

    @Test
    void outOfOfficeReplyIsAnAutoReplyWhateverItSays() {
        assertThat(classifier.classify(MailFixtures.parse("out-of-office-auto-submitted.eml")).kind())
                .isEqualTo(ReportKind.AUTO_REPLY);
    }

    @Test
    void deliveryStatusNotificationIsABounce() {
        Classification c = classifier.classify(MailFixtures.parse("dsn-bounce-postfix.eml"));

        assertThat(c.kind()).isEqualTo(ReportKind.BOUNCE);
        assertThat(c.missing()).isEmpty();
    }

    @Test
    void availabilityOnlyReportsStopAtHighHoweverBadTheyClaimToBe() {
        Classification c = classifier.classifyText("Unauthenticated remote attacker can cause denial of service"
                + " by resource exhaustion in any user's session; full compromise of availability.");

        assertThat(c.vulnClass()).isEqualTo("dos");
        assertThat(c.severity()).isEqualTo(Severity.HIGH);
        VulnClassRule dos = RULES.classes().get("dos");
        assertThat(dos.maxSeverity()).isEqualTo(Severity.HIGH);
        VulnClassRule severeDos = dos.overriddenBy(
                new VulnClassRule("dos", java.util.List.of(), Severity.HIGH, null, WeightedTerms.NONE));
        assertThat(severeDos.estimate(5)).isEqualTo(Severity.HIGH);
    }

    @Test
    void confidentialityIntegrityAndPrivilegeClassesMayReachCritical() {
        for (String name : java.util.List.of("sqli", "injection-rce", "auth-bypass", "privilege-escalation",
                "path-traversal", "ssrf", "memory-corruption")) {
            assertThat(RULES.classes().get(name).maxSeverity()).as(name).isEqualTo(Severity.CRITICAL);
        }
    }

    @Test
    void confidentialityBreachWithoutAuthenticationReachesCritical() {
        Classification c = classifier.classifyText("SQL injection in the login form, exploitable without"
                + " authentication: an attacker can dump every table.");

        assertThat(c.vulnClass()).isEqualTo("sqli");
        assertThat(c.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void selfXssIsEstimatedLow() {
        assertThat(classifier.classifyText("Self-XSS vulnerability in the profile name field.").severity())
                .isEqualTo(Severity.LOW);
    }
}

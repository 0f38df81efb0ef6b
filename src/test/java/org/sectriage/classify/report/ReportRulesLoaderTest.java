package org.sectriage.classify.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sectriage.classify.AutomatedMailDetector;

class ReportRulesLoaderTest {

    @Test
    void builtInRulesHaveEveryClassOfTheIssue() {
        assertThat(ReportRulesLoader.builtIn().classes().keySet()).containsExactlyInAnyOrder("xss", "sqli",
                "memory-corruption", "dos", "auth-bypass", "info-disclosure", "injection-rce", "path-traversal",
                "ssrf", "csrf", "privilege-escalation", "open-redirect", "xxe", "crypto", "other");
    }

    @Test
    void extraRulesAddTermsToAClassAndOverrideItsSeverity() {
        ReportRules rules = ReportRulesLoader.withExtra("""
                classes:
                  open-redirect:
                    severity: medium
                    phrases:
                      redirector abuse: 9
                """, "site-rules.yaml");
        ReportClassifier classifier = new ReportClassifier(rules, SupportedVersions.unrestricted(),
                new AutomatedMailDetector("security@example.org"));

        Classification c = classifier.classifyText("Redirector abuse on the sign-in page.");

        assertThat(c.vulnClass()).isEqualTo("open-redirect");
        assertThat(c.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(rules.classes().get("open-redirect").cwes()).containsExactly(601);
    }

    @Test
    void termGivenWeightZeroIsRemoved() {
        ReportRules rules = ReportRulesLoader.withExtra("""
                signals:
                  spam:
                    phrases:
                      bitcoin: 0
                """, "site-rules.yaml");

        assertThat(rules.spam().bySource()).doesNotContainKey("phrase bitcoin");
        assertThat(ReportRulesLoader.builtIn().spam().bySource()).containsKey("phrase bitcoin");
    }

    @Test
    void everyMistakeIsReportedWithFileLineAndKey() {
        assertThatThrownBy(() -> ReportRulesLoader.withExtra("""
                classes:
                  xss:
                    severity: urgent
                    patterns:
                      '<script(': 3
                decision:
                  class-min: three
                colour: blue
                """, "site-rules.yaml"))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.errors()).extracting(RuleError::toString)
                        .containsExactlyInAnyOrder(
                                "site-rules.yaml line 3, key classes.xss.severity: expected critical, high, medium"
                                        + " or low, got 'urgent'",
                                "site-rules.yaml line 5, key classes.xss.patterns: not a valid regular expression"
                                        + " '<script(': Unclosed group",
                                "site-rules.yaml line 7, key decision.class-min: expected a whole number, got 'three'",
                                "site-rules.yaml line 8, key colour: unknown key; expected one of [classes,"
                                        + " completeness, decision, impact, signals, versions]"));
    }

    @Test
    void brokenYamlNamesItsLine() {
        assertThatThrownBy(() -> ReportRulesLoader.withExtra("classes:\n  xss: [\n", "site-rules.yaml"))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.errors())
                        .singleElement().satisfies(err -> {
                            assertThat(err.file()).isEqualTo("site-rules.yaml");
                            assertThat(err.line()).isPositive();
                            assertThat(err.message()).startsWith("not valid YAML");
                        }));
    }

    @Test
    void versionPatternWithoutAGroupIsRejected() {
        assertThatThrownBy(() -> ReportRulesLoader.withExtra("versions:\n  patterns:\n    - 'v\\d+'\n", "x.yaml"))
                .isInstanceOf(RulesException.class).hasMessageContaining("x.yaml line 3")
                .hasMessageContaining("group 1");
    }
}

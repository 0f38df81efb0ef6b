package org.sectriage.classify.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Stored features are parsed once while they are compared again and again, and always read as stored. */
class ParsedFeaturesCacheTest {

    private static final ReportFeatures XSS = ReportFeatures.of(
            "Reflected XSS in search.php: the q parameter is echoed into the page unescaped", "xss");
    private static final ReportFeatures SQLI = ReportFeatures.of(
            "SQL injection in login.php through the user field, with a UNION SELECT payload", "sqli");

    @Test
    void givesWhatParsingTheStoredFormGivesWithTheClassAskedFor() {
        ParsedFeaturesCache cache = new ParsedFeaturesCache(4);

        ReportFeatures read = cache.parse(XSS.termsText(), XSS.locationsText(), "xss");
        ReportFeatures again = cache.parse(XSS.termsText(), XSS.locationsText(), "csrf");

        assertThat(read).isEqualTo(ReportFeatures.parse(XSS.termsText(), XSS.locationsText(), "xss"));
        assertThat(again.vulnClass()).isEqualTo("csrf");
        assertThat(again.terms()).isEqualTo(read.terms());
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aDifferentStoredFormIsParsedOnItsOwnEvenUnderTheSameCase() {
        ParsedFeaturesCache cache = new ParsedFeaturesCache(4);

        cache.parse(XSS.termsText(), XSS.locationsText(), "xss");
        ReportFeatures other = cache.parse(SQLI.termsText(), SQLI.locationsText(), "sqli");

        assertThat(other).isEqualTo(ReportFeatures.parse(SQLI.termsText(), SQLI.locationsText(), "sqli"));
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void keepsTheFormsUsedLastAndLetsTheLeastRecentlyUsedGo() {
        ParsedFeaturesCache cache = new ParsedFeaturesCache(2);
        cache.parse(XSS.termsText(), XSS.locationsText(), "xss");
        cache.parse(SQLI.termsText(), SQLI.locationsText(), "sqli");
        cache.parse(XSS.termsText(), XSS.locationsText(), "xss"); // used again: now the most recent
        ReportFeatures third = ReportFeatures.of("Path traversal in download.php through the file parameter", "path");
        cache.parse(third.termsText(), third.locationsText(), "path");

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.holds(XSS.termsText(), XSS.locationsText())).isTrue();
        assertThat(cache.holds(third.termsText(), third.locationsText())).isTrue();
        assertThat(cache.holds(SQLI.termsText(), SQLI.locationsText())).isFalse();
    }
}

package org.sectriage.classify.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The word index and the literal search pass a term over only where its pattern would not have matched. */
class SearchTextTest {

    @Test
    void wordRunsAreTheLettersDigitsAndUnderscoresBetweenEverythingElse() {
        assertThat(SearchText.wordRuns("Cross-site scripting in ../etc/passwd, x² and snake_case!"))
                .containsExactly("Cross", "site", "scripting", "in", "etc", "passwd", "x²", "and", "snake_case");
    }

    @Test
    void aPhraseWithPunctuationIsFoundThroughItsWordRuns() {
        Term phrase = Term.phrase("cross-site request forgery", 1);

        assertThat(phrase.foundIn(new SearchText("A CROSS-SITE\n request  forgery in the form"))).isTrue();
        assertThat(phrase.foundIn(new SearchText("cross site request forgery"))).isFalse();
        assertThat(phrase.foundIn(new SearchText("cross-sites request forgery"))).isFalse();
    }

    @Test
    void everyTermOfTheBuiltInRulesIsFoundInEveryTestMessageExactlyWhenItsPatternMatchesAnywhere()
            throws IOException, URISyntaxException {
        List<Term> phrases = new ArrayList<>();
        ReportRules rules = ReportRulesLoader.builtIn();
        rules.classes().values().forEach(c -> phrases.addAll(c.terms().bySource().values()));
        rules.completeness().values().forEach(c -> phrases.addAll(c.terms().bySource().values()));
        Stream.of(rules.security(), rules.notSecurity(), rules.spam(), rules.impact())
                .forEach(t -> phrases.addAll(t.bySource().values()));
        List<String> texts = new ArrayList<>();
        for (String folder : List.of("/mail", "/classify")) {
            try (Stream<Path> files = Files.walk(Path.of(getClass().getResource(folder).toURI()))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".eml")).toList()) {
                    texts.add(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        texts.add("İSTANBUL ǅemal KELVIN \u212A ﬁle Straße STRASSE résumé re\u0301sume\u0301");
        assertThat(phrases).hasSizeGreaterThan(100);
        assertThat(phrases.stream().filter(t -> t.words().isEmpty() && !t.starts().isEmpty()))
                .as("patterns searched where their literals stand").hasSizeGreaterThan(20);
        assertThat(texts).hasSizeGreaterThan(10);

        long found = 0;
        for (String text : texts) {
            SearchText search = new SearchText(text);
            for (Term t : phrases) {
                boolean matches = t.pattern().matcher(text).find();
                assertThat(t.foundIn(search)).as("%s in a message", t.source()).isEqualTo(matches);
                found += matches ? 1 : 0;
            }
        }
        assertThat(found).as("phrases found at all").isGreaterThan(50);
    }
}

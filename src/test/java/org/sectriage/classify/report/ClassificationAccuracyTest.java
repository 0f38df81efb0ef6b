package org.sectriage.classify.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sectriage.classify.AutomatedMailDetector;
import org.sectriage.parse.MimeParser;
import org.sectriage.parse.ParseLimits;

/**
 * How well the built-in rules classify a labelled set of messages written for the purpose: security
 * reports of every class (in several languages, with code, stack traces and sanitizer output, some that
 * name several classes, some that only describe the behaviour), bug reports and questions sent to the
 * wrong address, spam, out-of-office replies, bounces and reporters' follow-ups. A message's label is
 * its place: {@code classify/labelled/<kind>/} and, for reports, {@code security/<class>/}.
 *
 * <p>The test prints precision and recall per kind and per class, and the messages it got wrong, and
 * holds the rules to kind accuracy of at least 95% and class accuracy of at least 85% on the reports.
 */
class ClassificationAccuracyTest {

    private static final double KIND_ACCURACY = 0.95;
    private static final double CLASS_ACCURACY = 0.85;
    private static final int AT_LEAST = 150;

    private static final List<Outcome> OUTCOMES = new ArrayList<>();

    /** One labelled message: what it is, and what the classifier said. */
    record Outcome(String file, String kind, String vulnClass, String foundKind, String foundClass) {
        boolean kindRight() {
            return kind.equals(foundKind);
        }

        boolean classRight() {
            return vulnClass.equals(foundClass);
        }
    }

    @BeforeAll
    static void classifyTheLabelledSet() throws IOException, URISyntaxException {
        Path root = Path.of(ClassificationAccuracyTest.class.getResource("/classify/labelled").toURI());
        ReportClassifier classifier = new ReportClassifier(ReportRulesLoader.builtIn(), SupportedVersions.parse(List.of()),
                new AutomatedMailDetector("security@project.example"));
        MimeParser parser = new MimeParser(ParseLimits.defaults());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
        for (Path file : files) {
            Path label = root.relativize(file);
            String kind = label.getName(0).toString();
            String vulnClass = kind.equals("security") ? label.getName(1).toString() : "none";
            Classification c;
            try (InputStream in = Files.newInputStream(file)) {
                c = classifier.classify(parser.parse(in, Files.size(file)));
            }
            OUTCOMES.add(new Outcome(label.toString(), kind, vulnClass, c.kind().label(),
                    c.kind() == ReportKind.SECURITY ? c.vulnClass() : "none"));
        }
        print();
    }

    @Test
    void theLabelledSetHasAtLeast150MessagesOfEveryKindAndClass() {
        assertThat(OUTCOMES).hasSizeGreaterThanOrEqualTo(AT_LEAST);
        assertThat(OUTCOMES.stream().map(Outcome::kind).distinct())
                .containsExactlyInAnyOrder("security", "not-security", "spam", "auto-reply", "bounce", "follow-up");
        assertThat(OUTCOMES.stream().filter(o -> o.kind().equals("security")).map(Outcome::vulnClass).distinct())
                .hasSize(15);
    }

    @Test
    void atLeast95PercentOfTheMessagesGetTheirKind() {
        assertThat(share(OUTCOMES, Outcome::kindRight))
                .as("kind accuracy; wrong:%n%s", wrong(OUTCOMES, Outcome::kindRight))
                .isGreaterThanOrEqualTo(KIND_ACCURACY);
    }

    @Test
    void atLeast85PercentOfTheReportsGetTheirClass() {
        List<Outcome> reports = OUTCOMES.stream().filter(o -> o.kind().equals("security")).toList();
        assertThat(share(reports, Outcome::classRight))
                .as("class accuracy on the security reports; wrong:%n%s", wrong(reports, Outcome::classRight))
                .isGreaterThanOrEqualTo(CLASS_ACCURACY);
    }

    private static double share(List<Outcome> outcomes, java.util.function.Predicate<Outcome> right) {
        return outcomes.isEmpty() ? 0 : (double) outcomes.stream().filter(right).count() / outcomes.size();
    }

    private static String wrong(List<Outcome> outcomes, java.util.function.Predicate<Outcome> right) {
        StringBuilder sb = new StringBuilder();
        outcomes.stream().filter(right.negate()).forEach(o -> sb.append(String.format(Locale.ROOT,
                "  %s: kind %s, class %s%n", o.file(), o.foundKind(), o.foundClass())));
        return sb.toString();
    }

    /** Prints precision and recall per kind and per class, as the build's record of the rules' accuracy. */
    private static void print() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "classification of %d labelled messages%n%-22s %6s %9s %7s%n", OUTCOMES.size(), "kind", "count",
                "precision", "recall"));
        for (String kind : new TreeSet<>(OUTCOMES.stream().map(Outcome::kind).toList())) {
            sb.append(row(kind, OUTCOMES, Outcome::kind, Outcome::foundKind));
        }
        List<Outcome> reports = OUTCOMES.stream().filter(o -> o.kind().equals("security")).toList();
        sb.append(String.format(Locale.ROOT, "kind accuracy %.1f%%%n%-22s %6s %9s %7s%n",
                100 * share(OUTCOMES, Outcome::kindRight), "class (reports only)", "count", "precision", "recall"));
        for (String vulnClass : new TreeSet<>(reports.stream().map(Outcome::vulnClass).toList())) {
            sb.append(row(vulnClass, reports, Outcome::vulnClass, Outcome::foundClass));
        }
        sb.append(String.format(Locale.ROOT, "class accuracy %.1f%%%n", 100 * share(reports, Outcome::classRight)));
        System.out.print(sb);
    }

    private static String row(String label, List<Outcome> outcomes, java.util.function.Function<Outcome, String> expected,
                              java.util.function.Function<Outcome, String> found) {
        long truth = outcomes.stream().filter(o -> expected.apply(o).equals(label)).count();
        long said = outcomes.stream().filter(o -> found.apply(o).equals(label)).count();
        long both = outcomes.stream().filter(o -> expected.apply(o).equals(label) && found.apply(o).equals(label)).count();
        return String.format(Locale.ROOT, "%-22s %6d %9s %7s%n", label, truth,
                said == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) both / said),
                String.format(Locale.ROOT, "%.2f", (double) both / truth));
    }
}

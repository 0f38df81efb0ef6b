package org.sectriage.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.sectriage.classify.AutomatedMailDetector;
import org.sectriage.classify.report.Classification;
import org.sectriage.classify.report.ReportClassifier;
import org.sectriage.classify.report.ReportFeatures;
import org.sectriage.classify.report.ReportRulesLoader;
import org.sectriage.classify.report.SupportedVersions;
import org.sectriage.parse.MimeParser;
import org.sectriage.parse.ParseLimits;
import org.sectriage.parse.ParsedMessage;

/**
 * Classification of one 10 KB report ({@code bench/report-10kb.eml}: summary, code, an HTTP exchange, a
 * PoC script, a diff, a stack trace, a CVSS vector) with the built-in rules, on one thread: kind, class,
 * severity, completeness and supported versions ({@code classify}), and the features duplicate search
 * compares ({@code duplicateFeatures}). The message is parsed once, before; parsing is not classification.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = "-Xmx256m")
@Threads(1)
@State(Scope.Benchmark)
public class ClassifyBenchmark {

    ReportClassifier classifier;
    ParsedMessage report;
    String text;

    @Setup
    public void parseTheReport() throws IOException {
        classifier = new ReportClassifier(ReportRulesLoader.builtIn(), SupportedVersions.parse(List.of("4.2")),
                new AutomatedMailDetector("security@project.example"));
        try (InputStream in = ClassifyBenchmark.class.getResourceAsStream("/bench/report-10kb.eml")) {
            byte[] raw = in.readAllBytes();
            report = new MimeParser(ParseLimits.defaults()).parse(new java.io.ByteArrayInputStream(raw), raw.length);
        }
        text = report.subject() + "\n" + report.bodyText();
        Classification c = classifier.classify(report);
        if (!c.vulnClass().equals("xss")) {
            throw new IllegalStateException("the benchmark's report is not classified as it should be: " + c);
        }
    }

    @Benchmark
    public Classification classify() {
        return classifier.classify(report);
    }

    @Benchmark
    public ReportFeatures duplicateFeatures() {
        return ReportFeatures.of(text, "xss");
    }
}

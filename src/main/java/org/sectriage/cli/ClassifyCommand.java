package org.sectriage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sectriage.classify.AutomatedMailDetector;
import org.sectriage.classify.report.Classification;
import org.sectriage.classify.report.ReportClassifier;
import org.sectriage.classify.report.ReportRules;
import org.sectriage.classify.report.ReportRulesLoader;
import org.sectriage.classify.report.RulesException;
import org.sectriage.classify.report.SupportedVersions;
import org.sectriage.config.ConfigLoader;
import org.sectriage.config.SectriageConfig;
import org.sectriage.parse.MimeParser;
import org.sectriage.parse.ParseLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sectriage classify}: classifies .eml files offline and prints one JSON object per file, on one
 * line each, without network or database.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {
            "Classify messages (.eml files): print one JSON object per file on one line with the fields file, kind,"
                    + " vuln_class, cwe, severity, severity_source, cvss_vector, cvss_score, missing,"
                    + " unsupported_version; a file that cannot be read gets {\"file\", \"error\"}.",
            "Exit 0 when every file was classified, 1 when any could not be read."})
final class ClassifyCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "A sectriage configuration file (optional): its classification settings (rules-file,"
                    + " supported-versions, ask-for), parse limits and security address (to recognise our own mail"
                    + " coming back) are used.")
    Path config;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "An extra rules file that extends and overrides the built-in classify/rules.yaml"
                    + " (instead of the config's classification.rules-file).")
    Path rules;

    @Option(names = "--supported-versions", paramLabel = "VERSION", split = ",",
            description = "The supported versions, e.g. 2.4,2.5 (series), '>=2.4', '2.4+' or latest=3.1.0;"
                    + " reports naming only other versions get unsupported_version. Default: the config's"
                    + " classification.supported-versions, else all.")
    List<String> supportedVersions = new ArrayList<>();

    @Parameters(paramLabel = "FILE.eml", arity = "1..*", description = "The messages to classify.")
    List<Path> files;

    @Override
    public Integer call() {
        ParseLimits limits = ParseLimits.defaults();
        String ownAddress = "";
        List<String> askFor = List.of();
        Path configuredRules = null;
        List<String> configuredVersions = List.of();
        if (config != null) {
            SectriageConfig cfg = ConfigLoader.load(config);
            SectriageConfig.Limits l = cfg.limits();
            limits = new ParseLimits(l.maxMessageSize(), l.maxHeaderCount(), l.maxHeaderLength(),
                    l.maxLineLength(), l.maxNestingDepth(), l.maxBodyText());
            ownAddress = cfg.project().securityAddress().normalized();
            askFor = cfg.classification().askFor();
            configuredRules = cfg.classification().rulesFile();
            configuredVersions = cfg.classification().supportedVersions();
        }
        ReportClassifier classifier = new ReportClassifier(loadRules(rules != null ? rules : configuredRules),
                supported(supportedVersions.isEmpty() ? configuredVersions : supportedVersions),
                new AutomatedMailDetector(ownAddress), askFor);
        MimeParser parser = new MimeParser(limits);
        int exit = 0;
        for (Path file : files) {
            Map<String, Object> line;
            try (InputStream in = Files.newInputStream(file)) {
                line = fields(file, classifier.classify(parser.parse(in, Files.size(file))));
            } catch (IOException | RuntimeException e) {
                line = new LinkedHashMap<>();
                line.put("file", file.toString());
                line.put("error", "cannot read " + file + ": " + e);
                exit = 1;
            }
            System.out.println(Json.write(line));
        }
        return exit;
    }

    private static ReportRules loadRules(Path rules) {
        try {
            return rules == null ? ReportRulesLoader.builtIn() : ReportRulesLoader.withExtra(rules);
        } catch (RulesException e) {
            throw new CliErrors.UserError("the rules have errors:\n  " + e.getMessage().replace("\n", "\n  "));
        }
    }

    private static SupportedVersions supported(List<String> supportedVersions) {
        try {
            return SupportedVersions.parse(supportedVersions);
        } catch (IllegalArgumentException e) {
            throw new CliErrors.UserError("--supported-versions: " + e.getMessage());
        }
    }

    /** The JSON fields of one classified file, in the order of issue 4. */
    private static Map<String, Object> fields(Path file, Classification c) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("file", file.toString());
        line.put("kind", c.kind().label());
        line.put("vuln_class", c.vulnClass());
        line.put("cwe", c.cweNames());
        line.put("severity", c.severity().label());
        line.put("severity_source", c.severitySource().label());
        line.put("cvss_vector", c.cvssVector());
        line.put("cvss_score", c.cvssScore());
        line.put("missing", c.missing());
        line.put("unsupported_version", c.unsupportedVersion());
        return line;
    }
}

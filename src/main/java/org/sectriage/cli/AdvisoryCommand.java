package org.sectriage.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sectriage.advisory.AdvisoryCase;
import org.sectriage.advisory.AdvisoryFormat;
import org.sectriage.advisory.Project;
import org.sectriage.classify.report.Classification;
import org.sectriage.command.CaseFile;
import org.sectriage.config.ConfigLoader;
import org.sectriage.config.SectriageConfig;
import org.sectriage.domain.CaseEvent;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.SecurityCase;
import org.sectriage.store.Database;
import org.sectriage.store.JdbcCaseStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sectriage advisory ID --format osv|csaf|markdown}: a draft advisory from what the case holds
 * (title, CWE ids, CVSS vector and score, severity, fixed version, dates), crediting the reporter only
 * when they agreed, or by the policy's default when they said nothing.
 */
@Command(name = "advisory", mixinStandardHelpOptions = true,
        description = {"Write a draft advisory for a case, as OSV JSON, CSAF 2.0 JSON or Markdown.",
            "The reporter is credited only with their consent (their 'Credit:' line), or by policy.credit-by-default."})
final class AdvisoryCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The case id, e.g. SEC-2026-0001.")
    String id;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "osv, csaf or markdown.")
    String format;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = ConfigOption.DEFAULT,
            description = "The configuration: the database, the advisory's publisher and product (advisory section)"
                    + " and policy.credit-by-default (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--database", paramLabel = "JDBC-URL", description = "Read this database instead of the configured one.")
    String database;

    @Option(names = "--affected", paramLabel = "VERSION", split = ",",
            description = "The versions known to be affected, e.g. 2.3.0,2.4.0.")
    List<String> affected = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the advisory to FILE instead of stdout.")
    Path out;

    @Override
    public Integer call() throws IOException {
        AdvisoryFormat advisoryFormat = AdvisoryFormat.fromLabel(format).orElseThrow(() ->
                new CliErrors.UserError("--format must be osv, csaf or markdown, got '" + format + "'"));
        CaseId caseId;
        try {
            caseId = CaseId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new CliErrors.UserError(e.getMessage());
        }
        SectriageConfig cfg = Files.exists(config) ? ConfigLoader.load(config) : null;
        if (cfg == null && database == null) {
            throw new CliErrors.UserError("no config at " + config + ": give --config FILE, or --database JDBC-URL");
        }
        AdvisoryCase advisory;
        try (Database db = database != null ? Database.openToRead(database, "sectriage", null)
                : Database.openToRead(cfg.database().url(), cfg.database().user(),
                        cfg.database().password() == null ? null : cfg.database().password().read())) {
            boolean creditByDefault = cfg != null && cfg.policy().creditByDefault();
            advisory = db.inTransaction(c -> draft(new JdbcCaseStore(c), caseId, creditByDefault));
        }
        String text = advisoryFormat.writer().write(advisory, project(cfg), Instant.now());
        if (out == null) {
            System.out.println(text);
        } else {
            Files.writeString(out, text + "\n", StandardCharsets.UTF_8);
            System.err.println("wrote the " + advisoryFormat.label() + " advisory of " + caseId + " to " + out);
        }
        return 0;
    }

    private AdvisoryCase draft(JdbcCaseStore cases, CaseId caseId, boolean creditByDefault) {
        SecurityCase sc = cases.find(caseId).orElseThrow(() -> new CliErrors.UserError("no case " + caseId));
        CaseFile file = cases.caseFile(caseId).orElseThrow();
        Optional<Classification> assessment = cases.classification(caseId);
        List<CaseEvent> events = cases.events(caseId);
        AdvisoryCase.Builder b = AdvisoryCase.builder(caseId, sc.subject().isBlank() ? caseId.toString() : sc.subject(),
                sc.openedAt());
        List<Integer> cwes = !file.cwes().isEmpty() ? file.cwes()
                : assessment.map(Classification::cwes).orElse(List.of());
        b.cwes(cwes);
        if (file.cvss() != null) {
            b.cvss(file.cvss());
        }
        file.effectiveSeverity().or(() -> assessment.filter(Classification::isSecurityReport)
                .map(Classification::severity)).ifPresent(b::severity);
        assessment.filter(Classification::isSecurityReport).ifPresent(a -> b.summary(
                "A " + a.vulnClass() + " vulnerability" + (a.cweNames().isEmpty() ? "" : " (" + String.join(", ",
                        a.cweNames()) + ")") + (file.fixedVersion() == null ? "" : ", fixed in " + file.fixedVersion())
                        + "."));
        b.affectedVersions(affected);
        if (file.fixedVersion() != null) {
            b.fixed(file.fixedVersion(), firstOf(events, "case-fixed"));
        }
        Instant published = firstOf(events, "case-disclosed");
        if (published != null) {
            b.publishedAt(published);
        }
        file.credit().nameToPublish(creditByDefault, sc.reporter().displayName()).ifPresent(name -> b.credits(List.of(name)));
        return b.build();
    }

    private static Instant firstOf(List<CaseEvent> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).map(CaseEvent::at).findFirst().orElse(null);
    }

    private static Project project(SectriageConfig cfg) {
        if (cfg == null) {
            return new Project("project", "example.org", URI.create("https://example.org"), null, null);
        }
        SectriageConfig.Advisory a = cfg.advisory();
        return new Project(a.product(), a.vendor(), URI.create(a.namespace()), a.ecosystem(), a.packageName());
    }
}

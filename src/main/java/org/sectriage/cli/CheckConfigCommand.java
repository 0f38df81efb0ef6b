package org.sectriage.cli;

import java.util.concurrent.Callable;
import org.sectriage.act.CaseMailContext;
import org.sectriage.act.MailTemplates;
import org.sectriage.classify.ClassifierSetup;
import org.sectriage.crypto.ConfiguredKeys;
import org.sectriage.classify.report.ReportClassifier;
import org.sectriage.config.SectriageConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sectriage check-config}: validates the configuration and the templates, and says what is wrong. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Check a configuration file and its templates; exit 0 if sectriage can start with it.")
final class CheckConfigCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() {
        SectriageConfig cfg = config.load();
        ReportClassifier classifier = ClassifierSetup.classifier(cfg.classification(),
                cfg.project().securityAddress().normalized());
        MailTemplates.load(cfg.templates().directory()).verifiedWith(CaseMailContext.of(cfg, classifier).sample());
        ConfiguredKeys keys;
        try {
            keys = ConfiguredKeys.load(cfg);
        } catch (IllegalStateException e) {
            throw new CliErrors.UserError(config.file + ": " + e.getMessage());
        }
        System.out.println(config.file + ": OK");
        System.out.println("  security address: " + cfg.project().securityAddress().address());
        System.out.println("  mailbox:          " + cfg.mailbox().username() + " at " + cfg.mailbox().host() + ":"
                + cfg.mailbox().port() + " (" + cfg.mailbox().security().name().toLowerCase(java.util.Locale.ROOT)
                + "), folder " + cfg.mailbox().folder());
        System.out.println("  smtp:             " + cfg.smtp().host() + ":" + cfg.smtp().port() + " ("
                + cfg.smtp().security().name().toLowerCase(java.util.Locale.ROOT) + ")");
        System.out.println("  database:         " + cfg.database().url());
        System.out.println("  maintainers:      " + cfg.maintainers().size() + " (" + keys.maintainers().size()
                + " with an OpenPGP key)");
        System.out.println("  openpgp:          " + (keys.canDecrypt()
                ? "decrypts with " + String.join(", ", keys.secret().fingerprints())
                : "no secret key: encrypted reports are kept and answered as unreadable"));
        if (cfg.maintainerAuthentication().mode() == SectriageConfig.AuthenticationMode.FROM_ADDRESS) {
            System.out.println("  WARNING:          maintainer-authentication.mode is from-address: anyone who puts a"
                    + " maintainer's address in From can change cases and write to reporters. Use signature-or-dkim.");
        }
        for (String warning : org.sectriage.config.PlaintextLogins.of(cfg)) {
            System.out.println("  WARNING:          " + warning);
        }
        if (cfg.classification().supportedVersions().stream().anyMatch(v -> v.strip().equalsIgnoreCase("latest"))) {
            System.out.println("  warning:          classification.supported-versions: \"latest\" names no version, so no"
                    + " report is told that its version gets no fixes; write your latest release, e.g. \"latest=2.4.1\"");
        }
        if (!keys.canDecrypt() && cfg.project().keyUrl() != null) {
            System.out.println("  warning:          project.key-url invites encrypted reports, but openpgp.secret-keys"
                    + " names no key to decrypt them: each is kept unread and its reporter told so");
        }
        if (!keys.canDecrypt() || keys.maintainers().size() < cfg.maintainers().size()) {
            System.out.println("  warning:          maintainers without a public key get no content of encrypted reports"
                    + " (openpgp.maintainers-without-key: "
                    + cfg.openpgp().maintainersWithoutKey().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return 0;
    }
}

package org.sectriage.classify;

import org.sectriage.classify.report.ReportClassifier;
import org.sectriage.classify.report.ReportRules;
import org.sectriage.classify.report.ReportRulesLoader;
import org.sectriage.classify.report.SupportedVersions;
import org.sectriage.config.SectriageConfig;

/** Builds the report classifier a config describes: its rules, supported versions and the items its policy asks for. */
public final class ClassifierSetup {

    private ClassifierSetup() {
    }

    /**
     * The classifier of {@code settings}, recognising mail from {@code securityAddress} as our own.
     *
     * @throws org.sectriage.classify.report.RulesException when the rules file has errors
     */
    public static ReportClassifier classifier(SectriageConfig.ClassificationSettings settings, String securityAddress) {
        ReportRules rules = settings.rulesFile() == null
                ? ReportRulesLoader.builtIn() : ReportRulesLoader.withExtra(settings.rulesFile());
        return new ReportClassifier(rules, SupportedVersions.parse(settings.supportedVersions()),
                new AutomatedMailDetector(securityAddress), settings.askFor());
    }

    /** How the acknowledgement asks for the completeness item {@code name} under {@code classifier}'s rules. */
    public static String question(ReportClassifier classifier, String name) {
        var item = classifier.rules().completeness().get(name);
        return item == null ? name.replace('-', ' ') : item.question();
    }
}

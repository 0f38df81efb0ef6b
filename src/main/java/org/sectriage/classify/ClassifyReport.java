package org.sectriage.classify;

import org.sectriage.classify.report.Classification;
import org.sectriage.classify.report.ReportClassifier;
import org.sectriage.classify.report.ReportKind;
import org.sectriage.config.SectriageConfig;
import org.sectriage.domain.MessageKind;
import org.sectriage.parse.ParsedMessage;
import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.Step;

/**
 * Classifies a message a person wrote that belongs to no case yet: a security report (with its
 * class, severity and what it lacks), mail for the public tracker, or spam. Spam ends the pipeline:
 * it is kept and listed by {@code inbox list}, and {@code inbox retry ID --as-report} makes it a report.
 */
public final class ClassifyReport implements Step {

    private final ReportClassifier classifier;
    private final SectriageConfig.ClassificationSettings settings;

    public ClassifyReport(ReportClassifier classifier, SectriageConfig.ClassificationSettings settings) {
        this.classifier = classifier;
        this.settings = settings;
    }

    @Override
    public void apply(Envelope env) {
        ParsedMessage m = env.parsed();
        String text = m.subjectAndText();
        Classification c = env.textAnalysis().map(Envelope.TextAnalysis::classification)
                .orElseGet(() -> classifier.classifyText(text));
        if (!c.isSecurityReport() && env.inbound().asReport()) {
            env.note("processed as a report on an admin's request, though classified as " + c.kind().label());
            c = classifier.classifyAsReport(text);
        } else if (c.kind() == ReportKind.SPAM && settings.spam() == SectriageConfig.SpamHandling.TREAT_AS_REPORT
                || c.kind() == ReportKind.NOT_SECURITY
                && settings.notSecurity() == SectriageConfig.NotSecurityHandling.TREAT_AS_REPORT) {
            env.note("classified as " + c.kind().label() + ", processed as a report (classification."
                    + (c.kind() == ReportKind.SPAM ? "spam" : "not-security") + ": treat-as-report)");
            c = classifier.classifyAsReport(text);
        }
        env.setClassification(c);
        switch (c.kind()) {
            case SPAM -> {
                env.setKind(MessageKind.SPAM, "classified as spam");
                env.stop("spam: recorded, not answered (sectriage inbox retry " + env.inbound().id()
                        + " --as-report makes it a report)");
            }
            case NOT_SECURITY -> env.setKind(MessageKind.NOT_SECURITY, "classified as not about security");
            default -> {
            }
        }
    }
}

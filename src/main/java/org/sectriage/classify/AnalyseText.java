package org.sectriage.classify;

import org.sectriage.classify.report.ReportClassifier;
import org.sectriage.classify.report.ReportFeatures;
import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.Step;

/**
 * Classifies the text of a readable message a person wrote and computes its features for duplicate
 * search, ahead of the message's transaction, where it cannot yet be known whether the message opens a
 * case: {@link ClassifyReport} and {@link FlagLikelyDuplicates} use the result when it does. For a reply
 * on an existing case the work is not used; it costs a thread of the pool, not the pipeline's.
 */
public final class AnalyseText implements Step {

    private final ReportClassifier classifier;

    public AnalyseText(ReportClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public void apply(Envelope env) {
        String text = env.parsed().subjectAndText();
        env.setTextAnalysis(new Envelope.TextAnalysis(classifier.classifyText(text), ReportFeatures.of(text, null)));
    }
}

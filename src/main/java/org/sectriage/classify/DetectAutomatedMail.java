package org.sectriage.classify;

import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.Step;

/**
 * Marks mail written by machines (autoresponders, bounces, our own mail coming back) so that it is
 * recorded but never answered.
 */
public final class DetectAutomatedMail implements Step {

    private final AutomatedMailDetector detector;

    public DetectAutomatedMail(AutomatedMailDetector detector) {
        this.detector = detector;
    }

    @Override
    public void apply(Envelope env) {
        detector.detect(env.parsed()).ifPresent(a -> env.setKind(a.kind(), a.reason()));
    }
}

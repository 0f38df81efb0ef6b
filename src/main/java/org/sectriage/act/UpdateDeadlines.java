package org.sectriage.act;

import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.Step;

/** Recomputes the deadlines of the message's case, since the message may have started, met or paused one. */
public final class UpdateDeadlines implements Step {

    private final CaseDeadlines deadlines;

    public UpdateDeadlines(CaseDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void apply(Envelope env) throws Exception {
        deadlines.update(env.connection(), env.requireCase(), env.now());
    }
}

package org.sectriage.advisory;

import java.time.Instant;

/** Writes the draft advisory of a case in one format. */
public interface AdvisoryWriter {

    /** The advisory of {@code advisory} about {@code project}, as written at {@code generatedAt}. */
    String write(AdvisoryCase advisory, Project project, Instant generatedAt);
}

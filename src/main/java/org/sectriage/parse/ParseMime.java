package org.sectriage.parse;

import java.io.InputStream;
import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.Step;

/** Parses the stored raw message, within the configured limits, into the envelope's {@link ParsedMessage}. */
public final class ParseMime implements Step {

    private final MimeParser parser;

    public ParseMime(MimeParser parser) {
        this.parser = parser;
    }

    @Override
    public void apply(Envelope env) throws Exception {
        try (InputStream raw = env.openRaw()) {
            env.setParsed(parser.parse(raw, env.inbound().size()));
        }
    }
}

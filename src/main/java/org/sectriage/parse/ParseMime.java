package org.sectriage.parse;

import java.io.InputStream;
import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.Step;
import org.sectriage.store.InboundStore;

/** Parses the stored raw message, within the configured limits, into the envelope's {@link ParsedMessage}. */
public final class ParseMime implements Step {

    private final MimeParser parser;
    private final InboundStore inbound;

    public ParseMime(MimeParser parser, InboundStore inbound) {
        this.parser = parser;
        this.inbound = inbound;
    }

    @Override
    public void apply(Envelope env) throws Exception {
        try (InputStream raw = inbound.openRaw(env.connection(), env.inbound().id())) {
            env.setParsed(parser.parse(raw, env.inbound().size()));
        }
    }
}

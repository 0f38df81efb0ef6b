package org.sectriage.parse;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.io.MaxHeaderLengthLimitException;
import org.apache.james.mime4j.io.MaxHeaderLimitException;
import org.apache.james.mime4j.io.MaxLineLimitException;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.sectriage.domain.EmailAddress;
import org.sectriage.parse.BoundedSource.SourceFailure;

/**
 * The reader that turns the raw bytes of one inbound message into a {@link ParsedMessage} with
 * Mime4J's streaming token parser, within {@link ParseLimits}: no message is held in memory whole,
 * attachments are only counted as they pass, and only the body text is kept, up to its limit.
 *
 * <p>Parsing never fails because of what a message contains. A message over a limit, or broken in any
 * way, yields what could be read, with each limit exceeded and defect met in {@link
 * ParsedMessage#problems()}. Only a failure to read the stream itself is thrown. A parser is
 * immutable and may be shared between threads.
 */
public final class MimeParser {

    private final ParseLimits limits;
    private final MimeConfig config;
    /** The parser of a mail forwarded as an attachment (message/rfc822), which reads none forwarded in it; or null. */
    private final MimeParser forwarded;

    public MimeParser(ParseLimits limits) {
        this(limits, true);
    }

    private MimeParser(ParseLimits limits, boolean readsForwarded) {
        this.limits = limits;
        this.forwarded = readsForwarded ? new MimeParser(limits, false) : null;
        this.config = MimeConfig.custom()
                .setStrictParsing(false)
                .setMalformedHeaderStartsBody(false)
                .setMaxHeaderCount(limits.maxHeaderCount())
                .setMaxHeaderLen(limits.maxHeaderLength())
                .setMaxLineLen(limits.maxLineLength())
                .setMaxContentLen(limits.maxMessageSize())
                .build();
    }

    /**
     * The message read from {@code raw}, whose size the store gave as {@code size} bytes; a message
     * over the size limit has only its header parsed.
     *
     * @throws IOException only when reading {@code raw} fails, never for what the message contains
     */
    public ParsedMessage parse(InputStream raw, long size) throws IOException {
        ParseProblems problems = new ParseProblems();
        boolean headerOnly = size > limits.maxMessageSize();
        if (headerOnly) {
            problems.messageTooLarge(size, limits.maxMessageSize());
        }
        BoundedSource source = new BoundedSource(raw, limits.maxMessageSize());
        TopLevelHeaders header = new TopLevelHeaders();
        BodyParts parts = new BodyParts(limits.maxBodyText(), problems, forwarded);
        try {
            walk(source, headerOnly, header, parts, problems);
        } catch (SourceFailure e) {
            throw e.failure();
        } catch (MimeException | IOException | RuntimeException e) {
            // Mime4J signals its limits with MimeException or IOException, and a few defects it does not
            // expect with runtime exceptions; a message must never stop the pipeline, so all become problems.
            rethrowSourceFailure(e);
            noteLimitOrDefect(e, parts.partCount(), problems);
        }
        if (source.wasCut()) {
            problems.messageCutAtLimit(limits.maxMessageSize());
        }
        return assemble(header, parts, problems);
    }

    private void walk(InputStream source, boolean headerOnly, TopLevelHeaders header, BodyParts parts,
                      ParseProblems problems) throws IOException, MimeException {
        MimeTokenStream tokens = new MimeTokenStream(config, DecodeMonitor.SILENT,
                new DefaultBodyDescriptorBuilder(null, LenientFieldParser.getParser(), DecodeMonitor.SILENT));
        tokens.setRecursionMode(NestingGuard.WITHIN_LIMIT);
        NestingGuard nesting = new NestingGuard(tokens, limits.maxNestingDepth(), problems);
        tokens.parse(source);
        boolean inMessageHeader = true;
        // the MIME types of the multiparts the next part is in, innermost first
        java.util.Deque<String> multiparts = new java.util.ArrayDeque<>();
        for (EntityState state = tokens.next(); state != EntityState.T_END_OF_STREAM; state = tokens.next()) {
            switch (state) {
                case T_FIELD -> {
                    Field field = tokens.getField();
                    if (inMessageHeader) {
                        header.add(field);
                    }
                    if (field instanceof ContentTypeField type && type.isMultipart() && type.getBoundary() == null) {
                        problems.multipartWithoutBoundary();
                    }
                }
                case T_END_HEADER -> {
                    if (inMessageHeader && headerOnly) {
                        return;
                    }
                    inMessageHeader = false;
                }
                case T_START_MULTIPART -> {
                    nesting.enterMultipart();
                    multiparts.push(tokens.getBodyDescriptor().getMimeType());
                }
                case T_END_MULTIPART -> {
                    nesting.leaveMultipart();
                    multiparts.poll();
                }
                case T_BODY -> parts.accept(tokens.getBodyDescriptor(), tokens.getDecodedInputStream(),
                        "multipart/alternative".equals(multiparts.peek()));
                default -> {
                    // Preambles, epilogues and raw (too deeply nested) parts are passed over.
                }
            }
        }
    }

    private static void rethrowSourceFailure(Exception e) throws IOException {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SourceFailure failure) {
                throw failure.failure();
            }
        }
    }

    private void noteLimitOrDefect(Exception e, int partsRead, ParseProblems problems) {
        if (e instanceof MaxHeaderLimitException) {
            problems.tooManyHeaderFields(limits.maxHeaderCount());
        } else if (e instanceof MaxHeaderLengthLimitException) {
            problems.headerFieldTooLong(limits.maxHeaderLength());
        } else if (e instanceof MaxLineLimitException || e.getCause() instanceof MaxLineLimitException) {
            problems.lineTooLong(limits.maxLineLength());
        } else {
            problems.unreadableStructure(partsRead, e);
        }
    }

    private static ParsedMessage assemble(TopLevelHeaders header, BodyParts parts, ParseProblems problems) {
        String messageId = header.messageId(problems);
        EmailAddress from = header.from(problems);
        List<EmailAddress> replyTo = header.addresses("reply-to", "Reply-To", problems);
        List<EmailAddress> to = header.addresses("to", "To", problems);
        List<EmailAddress> cc = header.addresses("cc", "Cc", problems);
        Instant date = header.date();
        BodyParts.Text body = parts.body();
        return new ParsedMessage(
                messageId,
                header.messageIds("in-reply-to"),
                header.messageIds("references"),
                from, replyTo, to, cc,
                header.subject(),
                date,
                header.headerSet(),
                header.contentType().mimeType(),
                body.text(),
                body.truncated(),
                parts.attachedText(),
                parts.attachments(),
                problems.list(),
                parts.sawReportParts() ? parts.returnedMessageIds() : ReturnedMessageIds.copiedIn(body.text()));
    }
}

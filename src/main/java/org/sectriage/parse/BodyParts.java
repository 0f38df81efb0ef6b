package org.sectriage.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.stream.BodyDescriptor;

/**
 * The leaf parts of a message as they stream by: the first inline text/plain part becomes the body
 * text (else the first inline text/html part, turned into text), read only as far as the text limit, and
 * each later inline text/plain part that is not an alternative is added to it (text around an image in
 * a multipart/mixed, as Apple Mail writes it, or a mailing list's footer); the text of each attached text/plain
 * file (a report sent as report.txt), and the text of a mail forwarded as an attachment (message/rfc822), are
 * read beside it, within the same limit, but are not the body;
 * every attachment and every part that is not text is listed with its decoded size, counted as it
 * passes and never held in memory.
 */
final class BodyParts {

    static final int MAX_LISTED_ATTACHMENTS = 1_000;

    private final int maxBodyText;
    private final long byteBudget;
    private final ParseProblems problems;
    /** The transfer encodings of RFC 2045; Mime4J hands on a part in any other as it is. */
    private static final java.util.Set<String> KNOWN_ENCODINGS = java.util.Set.of("7bit", "8bit", "binary",
            "quoted-printable", "base64");

    /** The types of a mail forwarded whole, as an attachment. */
    private static final java.util.Set<String> FORWARDED_TYPES = java.util.Set.of("message/rfc822", "message/global");

    private final byte[] buffer = new byte[8192];
    private final List<AttachmentInfo> attachments = new ArrayList<>();
    private final List<String> returnedMessageIds = new ArrayList<>();
    private boolean deliveryStatusSeen;
    private boolean deliveryFailed;
    private boolean dispositionSeen;
    private int partNumber;
    private Text plain;
    private Text html;
    private final StringBuilder attachedText = new StringBuilder();
    private final MimeParser forwarded;

    /**
     * Reads the parts of one message, its text up to {@code maxBodyText} characters; {@code forwarded} parses a mail
     * forwarded in it, or is null when such a mail's text is not read (in a mail that was forwarded itself).
     */
    BodyParts(int maxBodyText, ParseProblems problems, MimeParser forwarded) {
        this.maxBodyText = maxBodyText;
        this.forwarded = forwarded;
        // No charset takes more than four bytes for a character of text.
        this.byteBudget = Math.min(4L * maxBodyText, Integer.MAX_VALUE - 16);
        this.problems = problems;
    }

    /**
     * Takes the next leaf part: its descriptor and its content, transfer encoding already decoded; {@code alternative}
     * when it is one of a multipart/alternative's alternatives.
     */
    void accept(BodyDescriptor descriptor, InputStream content, boolean alternative) throws IOException {
        partNumber++;
        String mimeType = descriptor.getMimeType();
        String fileName = fileName(descriptor);
        boolean attached = fileName != null || isDispositionAttachment(descriptor);
        String encoding = descriptor.getTransferEncoding();
        if (encoding != null && !KNOWN_ENCODINGS.contains(encoding.toLowerCase(java.util.Locale.ROOT))) {
            problems.unknownTransferEncoding(encoding, partNumber);
        }
        boolean plainText = mimeType.equals("text/plain");
        boolean htmlText = mimeType.equals("text/html");
        if (!attached && plainText && plain == null) {
            plain = readPlain(descriptor, content);
        } else if (!attached && plainText && !alternative) {
            if (plain.text().length() >= maxBodyText) {
                plain = new Text(plain.text(), true);
                count(content);
            } else {
                Text more = readPlain(descriptor, content);
                plain = new Text(plain.text().stripTrailing() + "\n\n" + more.text(), plain.truncated() || more.truncated());
            }
        } else if (!attached && htmlText && plain == null && html == null) {
            html = read(content, descriptor.getCharset());
        } else if (attached || !(plainText || htmlText)) {
            String safeName = SafeFileName.of(fileName);
            if (SafeFileName.changed(fileName, safeName)) {
                problems.unsafeFileName(partNumber, safeName);
            }
            long size;
            if (attached && plainText) {
                size = readAttachedText(descriptor, content);
            } else if (forwarded != null && FORWARDED_TYPES.contains(mimeType) && !sawReportParts()) {
                size = readForwarded(content);
            } else if (ReturnedMessageIds.PART_TYPES.contains(mimeType) && returnedMessageIds.size() < 10) {
                size = countNotingReturnedMessageId(content);
            } else if (ReturnedMessageIds.STATUS_TYPES.contains(mimeType)) {
                size = countNotingDeliveryStatus(content);
            } else {
                dispositionSeen |= ReturnedMessageIds.DISPOSITION_TYPES.contains(mimeType);
                size = count(content);
            }
            list(new AttachmentInfo(safeName, mimeType, size));
        }
    }

    /** The body text chosen, at most the text limit long, control characters removed and lines ended by LF. */
    Text body() {
        Text chosen = plain != null ? plain
                : html != null ? new Text(HtmlText.toPlainText(html.text()), html.truncated())
                : new Text("", false);
        String text = ControlCharacters.multiLine(chosen.text());
        if (text.length() <= maxBodyText) {
            return new Text(text, chosen.truncated());
        }
        return new Text(cut(text, maxBodyText), true);
    }

    /** The first {@code max} characters of {@code text} at most, a character beyond the BMP kept whole or left out. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max > 0 && Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    /** The text of the attached text/plain files, one after the other, at most the text limit long. */
    String attachedText() {
        return attachedText.toString();
    }

    List<AttachmentInfo> attachments() {
        return List.copyOf(attachments);
    }

    /** How many leaf parts have been seen. */
    int partCount() {
        return partNumber;
    }

    private static String fileName(BodyDescriptor descriptor) {
        String name = descriptor instanceof MaximalBodyDescriptor full ? full.getContentDispositionFilename() : null;
        if (name == null || name.isBlank()) {
            name = contentType(descriptor).parameter("name").orElse(null);
        }
        return name == null || name.isBlank() ? null : name;
    }

    private static ContentTypeValue contentType(BodyDescriptor descriptor) {
        Map<String, String> typeParameters = descriptor instanceof MaximalBodyDescriptor full
                ? full.getContentTypeParameters() : Map.of();
        return ContentTypeValue.of(descriptor.getMimeType(), typeParameters);
    }

    private static boolean isDispositionAttachment(BodyDescriptor descriptor) {
        return descriptor instanceof MaximalBodyDescriptor full && "attachment".equals(full.getContentDispositionType());
    }

    private Text readPlain(BodyDescriptor descriptor, InputStream content) throws IOException {
        Text text = read(content, descriptor.getCharset());
        ContentTypeValue type = contentType(descriptor);
        if (type.parameter("format").filter("flowed"::equalsIgnoreCase).isPresent()) {
            boolean delSp = type.parameter("delsp").filter("yes"::equalsIgnoreCase).isPresent();
            return new Text(FlowedText.decode(text.text(), delSp), text.truncated());
        }
        return text;
    }

    private Text read(InputStream content, String charset) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long remaining = byteBudget;
        int n;
        while (remaining > 0 && (n = content.read(buffer, 0, (int) Math.min(buffer.length, remaining))) != -1) {
            bytes.write(buffer, 0, n);
            remaining -= n;
        }
        boolean truncated = remaining == 0 && content.read() != -1;
        byte[] read = bytes.toByteArray();
        return new Text(TextDecoder.decode(read, read.length, charset, partNumber, problems), truncated);
    }

    /**
     * The Message-IDs of the messages returned in the delivery report's parts; empty for most mail, and for a
     * report that returns nothing undelivered: a read receipt, or a delivery status that says no delivery failed
     * (a delay warning, a success notice).
     */
    List<String> returnedMessageIds() {
        if (dispositionSeen || (deliveryStatusSeen && !deliveryFailed)) {
            return List.of();
        }
        return List.copyOf(returnedMessageIds);
    }

    /** Whether any part of a delivery report or read receipt was seen: a returned message, a status, a disposition. */
    boolean sawReportParts() {
        return deliveryStatusSeen || dispositionSeen || !returnedMessageIds.isEmpty();
    }

    /** {@link #count} of a delivery-status part, noting whether it reports a failed delivery. */
    private long countNotingDeliveryStatus(InputStream content) throws IOException {
        byte[] head = content.readNBytes(ReturnedMessageIds.HEAD_BYTES);
        deliveryStatusSeen = true;
        deliveryFailed |= ReturnedMessageIds.reportsFailure(head, head.length);
        return head.length + count(content);
    }

    /** {@link #count} of a part holding a returned message, noting the Message-ID its header block gives. */
    private long countNotingReturnedMessageId(InputStream content) throws IOException {
        byte[] head = content.readNBytes(ReturnedMessageIds.HEAD_BYTES);
        returnedMessageIds.addAll(ReturnedMessageIds.in(head, head.length));
        return head.length + count(content);
    }

    /** Adds what the text limit leaves room for of an attached text file to {@link #attachedText}; its size. */
    private long readAttachedText(BodyDescriptor descriptor, InputStream content) throws IOException {
        int room = maxBodyText - attachedText.length();
        if (room <= 0) {
            return count(content);
        }
        byte[] head = content.readNBytes((int) Math.min(byteBudget, 4L * room));
        addAttachedText(TextDecoder.decode(head, head.length, descriptor.getCharset(), partNumber, problems));
        return head.length + count(content);
    }

    /**
     * Adds the sender, subject and text of a mail forwarded as an attachment to {@link #attachedText}, noting its
     * Message-ID as a returned message's (a bounce may come without a delivery status); its size.
     */
    private long readForwarded(InputStream content) throws IOException {
        byte[] head = content.readNBytes((int) byteBudget);
        if (returnedMessageIds.size() < 10) {
            returnedMessageIds.addAll(ReturnedMessageIds.in(head, Math.min(head.length, ReturnedMessageIds.HEAD_BYTES)));
        }
        if (attachedText.length() < maxBodyText) {
            ParsedMessage mail = forwarded.parse(new java.io.ByteArrayInputStream(head), head.length);
            addAttachedText("Forwarded message from " + (mail.from() == null ? "(unknown sender)" : mail.from())
                    + "\nSubject: " + mail.subjectAndText());
        }
        return head.length + count(content);
    }

    /** Adds {@code read} to {@link #attachedText}, as far as the text limit leaves room. */
    private void addAttachedText(String read) {
        String text = ControlCharacters.multiLine(read).strip();
        if (!text.isEmpty()) {
            if (attachedText.length() > 0) {
                attachedText.append("\n\n");
            }
            attachedText.append(cut(text, Math.max(0, maxBodyText - attachedText.length())));
        }
    }

    private long count(InputStream content) throws IOException {
        long total = 0;
        int n;
        while ((n = content.read(buffer)) != -1) {
            total += n;
        }
        return total;
    }

    private void list(AttachmentInfo attachment) {
        if (attachments.size() < MAX_LISTED_ATTACHMENTS) {
            attachments.add(attachment);
        } else {
            problems.tooManyAttachments(MAX_LISTED_ATTACHMENTS);
        }
    }

    /** Text read from a part, and whether it was cut short. */
    record Text(String text, boolean truncated) {
    }
}

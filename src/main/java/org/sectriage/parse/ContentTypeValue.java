package org.sectriage.parse;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.field.ContentTypeFieldLenientImpl;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.util.MimeParameterMapping;

/**
 * A Content-Type header value read into its MIME type and parameters, for instance
 * {@code multipart/report; report-type=delivery-status}. Read leniently: a missing or unreadable
 * value is {@code text/plain}, as RFC 2045 says; parameter names are in lower case and RFC 2231
 * encoded or continued values are decoded.
 */
public record ContentTypeValue(String mimeType, Map<String, String> parameters) {

    private static final String DEFAULT_TYPE = "text/plain";

    public ContentTypeValue {
        parameters = Map.copyOf(parameters);
    }

    /** The Content-Type header value {@code value} read; null or garbage gives {@code text/plain}. */
    public static ContentTypeValue parse(String value) {
        if (value == null || value.isBlank()) {
            return new ContentTypeValue(DEFAULT_TYPE, Map.of());
        }
        ContentTypeField field = ContentTypeFieldLenientImpl.PARSER.parse(
                new RawField("Content-Type", value), DecodeMonitor.SILENT);
        return of(field.getMimeType(), field.getParameters());
    }

    /** A MIME type and parameters as Mime4J gives them, their RFC 2231 forms decoded. */
    static ContentTypeValue of(String mimeType, Map<String, String> rawParameters) {
        MimeParameterMapping mapping = new MimeParameterMapping();
        rawParameters.forEach((name, value) -> {
            if (name != null && value != null) {
                mapping.addParameter(name.toLowerCase(Locale.ROOT), value);
            }
        });
        Map<String, String> decoded = new HashMap<>();
        mapping.getParameters().forEach((name, value) -> {
            if (value != null) {
                decoded.put(name, value);
            }
        });
        String type = mimeType == null ? DEFAULT_TYPE : mimeType.toLowerCase(Locale.ROOT);
        return new ContentTypeValue(type, decoded);
    }

    /** The named parameter's value, e.g. {@code parameter("report-type")}; the name is case-insensitive. */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }
}

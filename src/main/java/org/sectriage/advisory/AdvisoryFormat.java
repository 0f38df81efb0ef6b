package org.sectriage.advisory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats a draft advisory is written in: OSV JSON, CSAF 2.0 JSON and Markdown. */
public enum AdvisoryFormat {
    OSV(new OsvAdvisory()),
    CSAF(new CsafAdvisory()),
    MARKDOWN(new MarkdownAdvisory());

    private final AdvisoryWriter writer;

    AdvisoryFormat(AdvisoryWriter writer) {
        this.writer = writer;
    }

    public AdvisoryWriter writer() {
        return writer;
    }

    /** The name used on the command line, e.g. {@code csaf}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code label} (any case), e.g. for {@code advisory ID --format osv}. */
    public static Optional<AdvisoryFormat> fromLabel(String label) {
        return Arrays.stream(values()).filter(f -> f.label().equalsIgnoreCase(label.strip())).findFirst();
    }
}

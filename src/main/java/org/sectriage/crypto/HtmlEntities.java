package org.sectriage.crypto;

/** The few HTML character references that appear in armored text pasted into HTML mail. */
final class HtmlEntities {

    private HtmlEntities() {
    }

    /** {@code text} with the common named and numeric character references decoded. */
    static String unescape(String text) {
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#43;", "+").replace("&#x2B;", "+").replace("&#x2b;", "+").replace("&#61;", "=")
                .replace("&#x3D;", "=").replace("&#x3d;", "=").replace("&#47;", "/").replace("&#x2F;", "/")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    /** {@code text} escaped for use as HTML element content. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

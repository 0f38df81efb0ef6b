package org.sectriage.act;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Mustache templates of the mail sectriage writes. Each template's first line is
 * {@code Subject: …}, then a blank line, then the body. Templates in the configured directory
 * override the built-in ones (shipped in config/templates) name by name.
 */
public final class MailTemplates {

    public static final String ACKNOWLEDGEMENT = "acknowledgement";
    public static final String MAINTAINER_NEW_CASE = "maintainer-new-case";
    public static final String MAINTAINER_FOLLOW_UP = "maintainer-follow-up";
    public static final String MAINTAINER_QUARANTINE = "maintainer-quarantine";
    public static final String NOT_SECURITY = "not-security";
    public static final String COORDINATOR_REMINDER = "coordinator-reminder";
    public static final String COORDINATOR_ESCALATION = "coordinator-escalation";
    public static final String REPORTER_ESCALATION = "reporter-escalation";
    public static final String MAINTAINER_HELD = "maintainer-held";
    public static final String COMMAND_REPLY = "command-reply";
    public static final String RELAY_TO_REPORTER = "relay-to-reporter";
    public static final String MAINTAINER_COPY = "maintainer-copy";
    public static final String REPORTER_UPDATE = "reporter-update";
    public static final String REPORTER_KEY_REQUEST = "reporter-key-request";
    public static final String DISCLOSURE_REMINDER = "disclosure-reminder";
    public static final List<String> NAMES = List.of(ACKNOWLEDGEMENT, NOT_SECURITY, MAINTAINER_NEW_CASE,
            MAINTAINER_FOLLOW_UP, MAINTAINER_QUARANTINE, COORDINATOR_REMINDER, COORDINATOR_ESCALATION,
            REPORTER_ESCALATION, MAINTAINER_HELD, COMMAND_REPLY, RELAY_TO_REPORTER, MAINTAINER_COPY, REPORTER_UPDATE,
            REPORTER_KEY_REQUEST, DISCLOSURE_REMINDER);

    /** A rendered template: the subject line and the body text. */
    public record RenderedMail(String subject, String body) {
    }

    private final Map<String, Template> templates;

    private MailTemplates(Map<String, Template> templates) {
        this.templates = templates;
    }

    /**
     * Loads every template, from {@code overrideDirectory} where it has one, else built in.
     *
     * @throws TemplateException naming the template file and what is wrong with it
     */
    public static MailTemplates load(Path overrideDirectory) {
        Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).nullValue("").emptyStringIsFalse(true);
        Map<String, Template> loaded = new HashMap<>();
        for (String name : NAMES) {
            String source = name + ".mustache";
            String text;
            Path override = overrideDirectory == null ? null : overrideDirectory.resolve(source);
            try {
                if (override != null && Files.isRegularFile(override)) {
                    source = override.toString();
                    text = Files.readString(override, StandardCharsets.UTF_8);
                } else {
                    try (InputStream in = MailTemplates.class.getResourceAsStream("/templates/" + source)) {
                        if (in == null) {
                            throw new TemplateException("built-in template " + source + " is missing from the jar");
                        }
                        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
                if (!text.startsWith("Subject:")) {
                    throw new TemplateException("template " + source + ": the first line must be 'Subject: …'");
                }
                loaded.put(name, compiler.compile(text));
            } catch (IOException e) {
                throw new TemplateException("cannot read template " + source + ": " + e.getMessage());
            } catch (MustacheException e) {
                throw new TemplateException("template " + source + ": " + e.getMessage());
            }
        }
        return new MailTemplates(loaded);
    }

    /**
     * Renders every template with {@code sample} and fails on the first that does not fit it.
     *
     * @throws TemplateException naming the template and the value it could not find
     */
    public MailTemplates verifiedWith(Map<String, Object> sample) {
        for (String name : NAMES) {
            render(name, sample);
        }
        return this;
    }

    /**
     * Renders a template.
     *
     * @throws TemplateException when the template names a value the context does not have
     */
    public RenderedMail render(String name, Map<String, Object> context) {
        Template t = templates.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no template named " + name);
        }
        String text;
        try {
            text = t.execute(context);
        } catch (MustacheException e) {
            throw new TemplateException("template " + name + ".mustache: " + e.getMessage());
        }
        int lineEnd = text.indexOf('\n');
        String subject = (lineEnd < 0 ? text : text.substring(0, lineEnd)).substring("Subject:".length()).strip();
        String body = lineEnd < 0 ? "" : text.substring(lineEnd + 1).replaceFirst("^\\r?\\n", "");
        return new RenderedMail(subject, body);
    }

    /** A template is missing, cannot be read, or does not fit the values sectriage gives it. */
    public static final class TemplateException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TemplateException(String message) {
            super(message);
        }
    }
}

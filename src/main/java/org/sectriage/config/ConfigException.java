package org.sectriage.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a config file cannot be used; carries every mistake found in it, not just the first,
 * so that an admin can fix them all in one edit.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final transient List<ConfigError> errors;

    /** An exception for the mistakes found in the config named {@code sourceName} (a file name, say). */
    public ConfigException(String sourceName, List<ConfigError> errors) {
        super(errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        this.sourceName = sourceName;
        this.errors = List.copyOf(errors);
    }

    /** The name of the config the mistakes are in, as given to the loader (usually its path). */
    public String sourceName() {
        return sourceName;
    }

    /** The mistakes, in the order they were found; never empty. */
    public List<ConfigError> errors() {
        return errors;
    }
}

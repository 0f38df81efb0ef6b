package org.sectriage.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The directories that relative paths in a config file are resolved against: the config file's own
 * directory, and the two that systemd hands a service in its environment.
 *
 * @param configDirectory the directory of the config file; templates and, without credentials, secrets resolve here
 * @param credentialsDirectory systemd's {@code $CREDENTIALS_DIRECTORY}, where relative password files are looked up; may be null
 * @param stateDirectory systemd's {@code $STATE_DIRECTORY}, where the default database lives; may be null
 */
public record ConfigDirectories(Path configDirectory, Path credentialsDirectory, Path stateDirectory) {

    public ConfigDirectories {
        Objects.requireNonNull(configDirectory, "configDirectory (use Path.of(\"\") for the working directory)");
        configDirectory = configDirectory.toAbsolutePath();
        credentialsDirectory = credentialsDirectory == null ? null : credentialsDirectory.toAbsolutePath();
    }

    /** The directories for a config file in {@code configDirectory}, the others read from this process's environment. */
    public static ConfigDirectories fromEnvironment(Path configDirectory) {
        return fromEnvironment(configDirectory, System.getenv());
    }

    /** The directories for a config file in {@code configDirectory}, the others read from {@code environment}. */
    static ConfigDirectories fromEnvironment(Path configDirectory, Map<String, String> environment) {
        return new ConfigDirectories(
                configDirectory,
                firstPath(environment.get("CREDENTIALS_DIRECTORY")),
                firstPath(environment.get("STATE_DIRECTORY")));
    }

    /** Where the secret file written as {@code path} is: in the credentials directory if there is one, else beside the config. */
    Path resolveSecret(Path path) {
        return (credentialsDirectory != null ? credentialsDirectory : configDirectory).resolve(path);
    }

    /** Where relative secret file paths are looked up, and why, for error messages. */
    String secretLookup() {
        return credentialsDirectory != null
                ? "relative paths are looked up in $CREDENTIALS_DIRECTORY, " + credentialsDirectory
                : "relative paths are looked up beside the config file, in " + configDirectory
                        + ", because $CREDENTIALS_DIRECTORY is not set";
    }

    /** Where the path written as {@code path} is, relative to the config file's directory. */
    Path resolveBesideConfig(Path path) {
        return configDirectory.resolve(path);
    }

    /** The JDBC URL of the default embedded H2 database: in the state directory if there is one, else in ./data. */
    String defaultDatabaseUrl() {
        String directory = stateDirectory != null ? stateDirectory.toString() : "./data";
        return "jdbc:h2:file:" + directory + "/sectriage";
    }

    /** {@code name} in the state directory if there is one, else in ./data: where sectriage keeps what it learns. */
    Path defaultStatePath(String name) {
        return (stateDirectory != null ? stateDirectory : Path.of("./data")).resolve(name);
    }

    /** The first of systemd's colon-separated paths in {@code value}, or null if there is none. */
    private static Path firstPath(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Path.of(value.split(":", -1)[0]);
    }
}

package org.sectriage.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads a sectriage config file (YAML) into a validated {@link SectriageConfig}, or throws a
 * {@link ConfigException} listing every mistake in it with its dotted key and line.
 *
 * <p>Secrets are never in the file: keys named {@code password-file} name files (systemd
 * credentials), and the loader checks that they are readable. See {@code config/sectriage.example.yaml}
 * for every key and its default.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /**
     * The config in {@code file}; relative paths in it resolve against the file's directory and
     * this process's {@code $CREDENTIALS_DIRECTORY} and {@code $STATE_DIRECTORY}.
     *
     * @throws ConfigException if the file cannot be read or has any mistake
     */
    public static SectriageConfig load(Path file) {
        Path absolute = file.toAbsolutePath();
        String text;
        try {
            text = Files.readString(absolute, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw fileProblem(file, "no such file: " + absolute);
        } catch (CharacterCodingException e) {
            throw fileProblem(file, file + " is not UTF-8 text");
        } catch (IOException e) {
            throw fileProblem(file, "cannot read " + absolute + ": " + e);
        }
        return parse(text, file.toString(), ConfigDirectories.fromEnvironment(absolute.getParent()));
    }

    /**
     * The config in {@code yamlText}, read from this process's environment as {@link #load} does.
     *
     * @param sourceName what the text is called in errors, such as its file name
     * @param baseDir the directory relative paths resolve against, as if the text were a file in it
     * @throws ConfigException if the text has any mistake
     */
    public static SectriageConfig parse(String yamlText, String sourceName, Path baseDir) {
        return parse(yamlText, sourceName, ConfigDirectories.fromEnvironment(baseDir));
    }

    /**
     * The config in {@code yamlText}, with relative password files looked up in {@code credentialsDir}
     * (or {@code baseDir} if it is null) instead of {@code $CREDENTIALS_DIRECTORY}.
     *
     * @throws ConfigException if the text has any mistake
     */
    public static SectriageConfig parse(String yamlText, String sourceName, Path baseDir, Path credentialsDir) {
        ConfigDirectories fromEnvironment = ConfigDirectories.fromEnvironment(baseDir);
        return parse(yamlText, sourceName,
                new ConfigDirectories(baseDir, credentialsDir, fromEnvironment.stateDirectory()));
    }

    /**
     * The config in {@code yamlText}, with relative paths resolved against {@code directories}.
     *
     * @throws ConfigException if the text has any mistake
     */
    public static SectriageConfig parse(String yamlText, String sourceName, ConfigDirectories directories) {
        Node root = compose(yamlText, sourceName);
        List<ConfigError> errors = new ArrayList<>();
        ConfigSection top = ConfigSection.top(root, errors);
        SectriageConfig config = new ConfigSchema(directories).read(top);
        top.reportUnknownKeys();
        if (!errors.isEmpty()) {
            throw new ConfigException(sourceName, errors);
        }
        return config;
    }

    /** The YAML tree of {@code yamlText}, with the line of every node; never null. */
    private static Node compose(String yamlText, String sourceName) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yamlText));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            String problem = "not valid YAML: " + e.getProblem()
                    + (mark == null ? "" : " (column " + (mark.getColumn() + 1) + ")");
            throw new ConfigException(sourceName, List.of(new ConfigError("", mark == null ? 0 : mark.getLine() + 1, problem)));
        } catch (YAMLException e) {
            throw new ConfigException(sourceName, List.of(new ConfigError("", 0, "not valid YAML: " + e.getMessage())));
        }
        if (root == null) {
            throw new ConfigException(sourceName, List.of(new ConfigError("", 0, sourceName
                    + " is empty; it needs at least the sections project, mailbox, smtp and maintainers"
                    + " (see config/sectriage.example.yaml)")));
        }
        return root;
    }

    private static ConfigException fileProblem(Path file, String message) {
        return new ConfigException(file.toString(), List.of(new ConfigError("", 0, message)));
    }
}

package org.sectriage.cli;

import java.nio.file.Path;
import org.sectriage.config.ConfigLoader;
import org.sectriage.config.SectriageConfig;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option shared by the commands that read the configuration. */
final class ConfigOption {

    static final String DEFAULT = "/etc/sectriage/sectriage.yaml";

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = DEFAULT,
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path file;

    SectriageConfig load() {
        return ConfigLoader.load(file);
    }
}

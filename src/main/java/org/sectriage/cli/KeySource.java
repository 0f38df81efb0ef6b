package org.sectriage.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openpgp.PGPKeyRing;
import org.sectriage.config.ConfigLoader;
import org.sectriage.config.SectriageConfig;
import org.sectriage.crypto.InvalidKeyFileException;
import org.sectriage.crypto.KeyFiles;
import org.sectriage.crypto.KeyInfo;
import org.sectriage.crypto.KeyRingDirectory;
import picocli.CommandLine.Option;

/**
 * Where the {@code keys} commands find keys: {@code --config FILE} (its openpgp.key-directory and its
 * openpgp.secret-keys) or {@code --dir DIR} (a key directory alone), never both; neither means the default config.
 */
final class KeySource {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "The configuration whose openpgp.key-directory (and openpgp.secret-keys) to use"
                    + " (default: " + ConfigOption.DEFAULT + ").")
    Path config;

    @Option(names = "--dir", paramLabel = "DIR", description = "A key directory to use instead of a configuration's.")
    Path dir;

    private SectriageConfig loaded;

    /** The source used when neither option is given: the default configuration file. */
    static KeySource orDefault(KeySource given) {
        if (given != null) {
            return given;
        }
        KeySource source = new KeySource();
        source.config = Path.of(ConfigOption.DEFAULT);
        return source;
    }

    /** The configuration, loaded once; null with {@code --dir}. */
    SectriageConfig loadConfig() {
        if (config == null) {
            return null;
        }
        if (loaded == null) {
            loaded = ConfigLoader.load(config);
        }
        return loaded;
    }

    /** The key directory: {@code --dir}, or the configuration's openpgp.key-directory. */
    Path directoryPath() {
        return dir != null ? dir : loadConfig().openpgp().keyDirectory();
    }

    /** The key directory, as {@link #directoryPath()}. */
    KeyRingDirectory directory() {
        return new KeyRingDirectory(directoryPath());
    }

    /** The keys in the key directory, as {@link KeyRingDirectory#list()}; a file that is no key is a user error. */
    List<KeyInfo> directoryKeys() {
        return readDirectory(KeyRingDirectory::list);
    }

    /** The key rings in the key directory, as {@link KeyRingDirectory#rings()}. */
    List<PGPKeyRing> directoryRings() {
        return readDirectory(KeyRingDirectory::rings);
    }

    /** One way of reading the key directory. */
    private interface DirectoryRead<T> {
        T from(KeyRingDirectory directory) throws IOException, InvalidKeyFileException;
    }

    private <T> T readDirectory(DirectoryRead<T> read) {
        try {
            return read.from(directory());
        } catch (InvalidKeyFileException e) {
            throw new CliErrors.UserError("in key directory " + directoryPath() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new CliErrors.UserError("cannot read key directory " + directoryPath() + ": " + e);
        }
    }

    /** The secret key rings openpgp.secret-keys names, in order; empty with {@code --dir}. */
    List<ConfiguredKey> configuredSecretKeys() {
        SectriageConfig cfg = loadConfig();
        List<ConfiguredKey> keys = new ArrayList<>();
        if (cfg == null) {
            return keys;
        }
        List<SectriageConfig.SecretKeyFiles> files = cfg.openpgp().secretKeys();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i).keyFile();
            try {
                for (PGPKeyRing ring : KeyFiles.readSecretKeyRings(file)) {
                    keys.add(new ConfiguredKey("openpgp.secret-keys[" + i + "]", file, ring));
                }
            } catch (NoSuchFileException e) {
                throw new CliErrors.UserError("openpgp.secret-keys[" + i + "]: no such file: " + file);
            } catch (IOException e) {
                throw new CliErrors.UserError("openpgp.secret-keys[" + i + "]: cannot read " + file + ": " + e);
            } catch (InvalidKeyFileException e) {
                throw new CliErrors.UserError("openpgp.secret-keys[" + i + "]: " + e.getMessage());
            }
        }
        return keys;
    }

    /** A key ring named in the configuration: which entry named it, and the file it is in. */
    record ConfiguredKey(String entry, Path file, PGPKeyRing ring) {
    }

    /** What to call this source in messages: the key directory, and the configuration's secret keys. */
    String describe() {
        return "key directory " + directoryPath() + (config == null ? "" : " or openpgp.secret-keys of " + config);
    }
}

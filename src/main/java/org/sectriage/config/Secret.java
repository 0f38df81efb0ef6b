package org.sectriage.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A secret that lives in a file (a systemd credential), never in the config text. The file is read
 * when the secret is needed, so a rotated credential is picked up on the next connection.
 */
public record Secret(Path file) {

    /** The secret's value: the file's content without a trailing newline. */
    public String read() {
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8);
            return value.strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read secret file " + file + ": " + e.getMessage(), e);
        }
    }

    /** A secret whose value is given directly; for the demo and tests only, never from YAML. */
    public static Secret inline(String value) {
        try {
            Path f = Files.createTempFile("sectriage-secret", "");
            f.toFile().deleteOnExit();
            Files.writeString(f, value, StandardCharsets.UTF_8);
            return new Secret(f);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a temporary secret file", e);
        }
    }

    @Override
    public String toString() {
        return "Secret[file=" + file + "]";
    }
}

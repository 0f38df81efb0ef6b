package org.sectriage.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * sectriage as an admin runs it: {@code java -jar target/sectriage.jar run --config FILE}, in its
 * own JVM with its own heap limit, its output kept in a file for the test report.
 */
public final class DaemonProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private DaemonProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the packaged jar (system property {@code sectriage.jar}, set by Failsafe) with {@code heap}. */
    public static DaemonProcess start(Path config, String heap, Path dir) throws IOException {
        String jar = System.getProperty("sectriage.jar", "target/sectriage.jar");
        if (!Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("no " + jar + ": integration tests run after 'mvn package'");
        }
        Path log = dir.resolve("daemon.log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-jar", jar, "run", "--config", config.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new DaemonProcess(p, log);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops it as systemd would (SIGTERM) and returns its exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }

    /** What the daemon printed, for assertion messages. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}

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
        return start(config, heap, dir.resolve("daemon.log"), List.of());
    }

    /**
     * As {@link #start(Path, String, Path)}, its output appended to {@code log} (so that the lives of a
     * daemon restarted again and again share one file), with more JVM options such as a GC log.
     */
    public static DaemonProcess start(Path config, String heap, Path log, List<String> jvmOptions)
            throws IOException {
        String jar = System.getProperty("sectriage.jar", "target/sectriage.jar");
        if (!Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("no " + jar + ": integration tests run after 'mvn package'");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", jar, "run", "--config", config.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
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

    /** Kills it at once with SIGKILL, as the kernel's OOM killer or a power cut would, and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** The operating system's id of the process. */
    public long pid() {
        return process.pid();
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

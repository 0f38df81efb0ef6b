package org.sectriage.integration;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A mail server process started by a test: its output appended to a log file, ready once it
 * greets a client on its port, stopped with SIGTERM as an init system would.
 */
final class ServerProcess {

    static final String HOST = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path log;

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command}, appending what it prints to {@code log}. */
    static ServerProcess start(String name, List<String> command, Path log) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new ServerProcess(name, p, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** Runs {@code command} to its end, its output appended to {@code log}; fails unless it exits 0. */
    static void runToEnd(String name, List<String> command, Path log) {
        ServerProcess p = start(name, command, log);
        try {
            if (!p.process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.process.destroyForcibly();
                throw new IllegalStateException(name + " did not finish: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + name, e);
        }
        if (p.process.exitValue() != 0) {
            throw new IllegalStateException(name + " exited with " + p.process.exitValue() + ": " + command + "\n"
                    + readLog(log));
        }
    }

    /**
     * Waits until a client connecting to {@code port} is greeted with a line starting with
     * {@code greeting}; fails at once, with the server's log, if the process exits first.
     */
    void awaitGreeting(int port, String greeting) {
        await(name + " greeting on port " + port).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .failFast(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + readLog(log));
                    }
                })
                .until(() -> greets(port, greeting));
    }

    /** Stops the process with SIGTERM (SIGKILL after a grace period) and waits until the port is closed. */
    void stop(int... ports) {
        stop(process.toHandle(), ports);
    }

    /** As {@link #stop(int...)}, signalling {@code target} (the server's main process) instead. */
    void stop(ProcessHandle target, int... ports) {
        target.destroy();
        try {
            target.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            target.destroyForcibly();
        }
        for (int port : ports) {
            await(name + " port " + port + " closed").atMost(STOP_TIMEOUT).pollInterval(Duration.ofMillis(50))
                    .until(() -> !accepts(port));
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Whether something on loopback accepts connections on {@code port}. */
    static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean greets(int port, String greeting) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, port), 1000);
            s.setSoTimeout(2000);
            String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return line != null && line.startsWith(greeting);
        } catch (IOException e) {
            return false;
        }
    }

    static String readLog(Path log) {
        try {
            return Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log)";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}

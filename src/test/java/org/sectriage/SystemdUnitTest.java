package org.sectriage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks systemd/sectriage.service: its hardening directives are present, and systemd itself
 * ({@code systemd-analyze verify}, {@code systemd-analyze security}) accepts it. The systemd-analyze
 * checks are skipped when the tool is not installed (CI installs it).
 */
class SystemdUnitTest {

    private static final String JAVA = "/usr/bin/java";
    private static final String JAR = "/opt/sectriage/sectriage.jar";
    private static final String EXEC_START = "ExecStart=" + JAVA
            + " -Xmx256m -XX:+ExitOnOutOfMemoryError -jar " + JAR
            + " run --config /etc/sectriage/sectriage.yaml";

    /** Highest acceptable "overall exposure level" from systemd-analyze security (0.0 to 10.0). */
    private static final double MAX_EXPOSURE = 2.5;

    private static Path unitFile() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath()
                .resolve("systemd").resolve("sectriage.service");
    }

    /** The unit's directive lines (comments and blank lines dropped), trimmed. */
    private static List<String> directives() throws IOException {
        return Files.readAllLines(unitFile(), StandardCharsets.UTF_8).stream()
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith(";"))
                .collect(Collectors.toList());
    }

    @Test
    void unitHasTheKeyHardeningDirectives() throws IOException {
        List<String> d = directives();
        for (String required : List.of(
                EXEC_START,
                "ProtectSystem=strict",
                "ProtectHome=yes",
                "PrivateTmp=yes",
                "PrivateDevices=yes",
                "NoNewPrivileges=yes",
                "CapabilityBoundingSet=",
                "StateDirectory=sectriage",
                "ConfigurationDirectory=sectriage",
                "LoadCredential=imap-password:/etc/sectriage/credentials/imap-password",
                "LoadCredential=smtp-password:/etc/sectriage/credentials/smtp-password",
                "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX",
                "SystemCallFilter=@system-service",
                "Restart=on-failure",
                "SuccessExitStatus=143",
                "UMask=0077")) {
            assertTrue(d.contains(required), "missing directive: " + required);
        }
        assertTrue(d.contains("DynamicUser=yes") || d.stream().anyMatch(l -> l.matches("User=\\S+")),
                "the service must run as DynamicUser=yes or a named User=");
        assertFalse(d.stream().anyMatch(l -> l.startsWith("User=root")), "must not run as root");
        // The JVM's JIT needs writable+executable memory: this option makes the JVM die at start.
        assertFalse(d.stream().anyMatch(l -> l.matches("MemoryDenyWriteExecute=\\s*(yes|true|on|1)")),
                "MemoryDenyWriteExecute=yes breaks the JVM");
        // The mail servers may be anywhere.
        assertFalse(d.stream().anyMatch(l -> l.startsWith("IPAddressDeny=")), "IPAddressDeny= blocks mail");
    }

    @Test
    void systemdAnalyzeVerifyAcceptsTheUnit(@TempDir Path tmp) throws Exception {
        Path analyze = systemdAnalyze();
        // verify checks that ExecStart's program exists, which /usr/bin/java need not on a build
        // machine: point ExecStart at the JVM running this test, and at a jar that exists.
        Path jar = Files.write(tmp.resolve("sectriage.jar"), new byte[0]);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String text = Files.readString(unitFile(), StandardCharsets.UTF_8);
        assertTrue(text.contains(EXEC_START), "unexpected ExecStart");
        String rewritten = text.replace(EXEC_START,
                EXEC_START.replace(JAVA, java).replace(JAR, jar.toString()));
        Path copy = Files.writeString(tmp.resolve("sectriage.service"), rewritten, StandardCharsets.UTF_8);

        Result r = run(analyze.toString(), "verify", "--man=no", copy.toString());

        List<String> aboutUs = r.lines().stream()
                .filter(l -> l.contains("sectriage.service") || l.contains(copy.toString()))
                .collect(Collectors.toList());
        assertEquals(List.of(), aboutUs, "systemd-analyze verify complained about the unit:\n" + r.output());
        assertEquals(0, r.exitCode(), "systemd-analyze verify failed:\n" + r.output());
    }

    @Test
    void exposureLevelIsLow() throws Exception {
        Path analyze = systemdAnalyze();
        Result help = run(analyze.toString(), "--help");
        assumeTrue(help.output().contains("--offline"), "this systemd-analyze has no --offline (systemd < 250)");
        // --threshold is on the 0..100 scale, the printed level on 0..10.
        Result r = run(analyze.toString(), "security", "--no-pager", "--offline=yes",
                "--threshold=" + Math.round(MAX_EXPOSURE * 10), unitFile().toString());
        assertEquals(0, r.exitCode(), "exposure level above " + MAX_EXPOSURE + ":\n" + r.output());
    }

    private static Path systemdAnalyze() {
        Optional<Path> found = Stream.concat(
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)),
                        Stream.of("/usr/bin", "/bin"))
                .filter(s -> !s.isEmpty())
                .map(s -> Path.of(s, "systemd-analyze"))
                .filter(Files::isExecutable)
                .findFirst();
        assumeTrue(found.isPresent(), "systemd-analyze is not installed");
        return found.get();
    }

    private record Result(int exitCode, String output) {
        List<String> lines() {
            return output.lines().collect(Collectors.toList());
        }
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("SYSTEMD_PAGER", "");
        pb.environment().put("SYSTEMD_COLORS", "0");
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        return new Result(p.exitValue(), out);
    }
}

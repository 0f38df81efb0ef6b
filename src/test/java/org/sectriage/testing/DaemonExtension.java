package org.sectriage.testing;

import java.util.function.UnaryOperator;
import org.sectriage.config.SectriageConfig;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A daemon for each test, watching the security mailbox of the test class's GreenMail server, with
 * its H2 database in a fresh directory. Register it after the GreenMail extension.
 */
public final class DaemonExtension implements BeforeEachCallback, AfterEachCallback {

    private final GreenMailExtension greenMail;
    private final UnaryOperator<SectriageConfig> adjust;
    private Path dir;
    private RunningDaemon running;

    public DaemonExtension(GreenMailExtension greenMail) {
        this(greenMail, UnaryOperator.identity());
    }

    /** A daemon whose test config is changed by {@code adjust}, e.g. {@code c -> TestConfig.withClassification(c, …)}. */
    public DaemonExtension(GreenMailExtension greenMail, UnaryOperator<SectriageConfig> adjust) {
        this.greenMail = greenMail;
        this.adjust = adjust;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("sectriage-test-");
        running = startDaemon();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        running.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Stops the daemon and starts a new one on the same database, as after a restart of the service. */
    public void restart() {
        running.close();
        running = startDaemon();
    }

    private RunningDaemon startDaemon() {
        return RunningDaemon.start(greenMail, dir, 5, 200, adjust);
    }

    public MailServer server() {
        return running.server();
    }

    public CaseDatabase db() {
        return running.db();
    }

    public RunningDaemon running() {
        return running;
    }
}

package org.sectriage.testing;

import java.util.function.UnaryOperator;
import org.sectriage.config.SectriageConfig;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.file.Path;
import java.time.Clock;
import org.sectriage.Daemon;

/** A started daemon watching the security mailbox of a GreenMail server, with its database at hand. */
public record RunningDaemon(Daemon daemon, MailServer server, CaseDatabase db) implements AutoCloseable {

    /** Creates the security mailbox on {@code greenMail} and starts a daemon on it, with H2 under {@code dir}. */
    public static RunningDaemon start(GreenMailExtension greenMail, Path dir) {
        return start(greenMail, dir, 5, 200);
    }

    /** As {@link #start(GreenMailExtension, Path)}, with these acknowledgement limits per hour. */
    public static RunningDaemon start(GreenMailExtension greenMail, Path dir, int perSender, int inAll) {
        return start(greenMail, dir, perSender, inAll, UnaryOperator.identity());
    }

    /** As {@link #start(GreenMailExtension, Path, int, int)}, with the test config changed by {@code adjust}. */
    public static RunningDaemon start(GreenMailExtension greenMail, Path dir, int perSender, int inAll,
                                      UnaryOperator<SectriageConfig> adjust) {
        return start(greenMail, dir, perSender, inAll, adjust, Clock.systemUTC());
    }

    /** As {@link #start(GreenMailExtension, Path, int, int, UnaryOperator)}, on {@code clock}. */
    public static RunningDaemon start(GreenMailExtension greenMail, Path dir, int perSender, int inAll,
                                      UnaryOperator<SectriageConfig> adjust, Clock clock) {
        greenMail.setUser(TestConfig.SECURITY, TestConfig.SECURITY, TestConfig.PASSWORD);
        MailServer server = new MailServer(greenMail);
        Daemon daemon = Daemon.create(adjust.apply(TestConfig.of(server.imapPort(), server.smtpPort(), dir, perSender,
                inAll)), clock);
        daemon.start();
        return new RunningDaemon(daemon, server, new CaseDatabase(daemon.database()));
    }

    @Override
    public void close() {
        daemon.close();
    }
}

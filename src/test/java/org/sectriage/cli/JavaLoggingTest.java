package org.sectriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.logging.Handler;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

class JavaLoggingTest {

    private static final String ANGUS_SMTP = "org.eclipse.angus.mail.smtp";

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Logger logback;

    @BeforeEach
    void captureTheLog() {
        logback = (Logger) LoggerFactory.getLogger(ANGUS_SMTP);
        logged.start();
        logback.addAppender(logged);
    }

    @AfterEach
    void stopCapturing() {
        logback.detachAppender(logged);
    }

    @Test
    void jakartaMailsNotesGoToTheDaemonsLogAtItsLevelsNotToStandardError() {
        JavaLogging.routeToSlf4j();
        java.util.logging.Logger angus = java.util.logging.Logger.getLogger(ANGUS_SMTP);

        angus.info("mail.mime.allowutf8 set but server doesn't advertise SMTPUTF8 support");
        angus.warning("could not connect to the server");

        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("could not connect to the server");
        Handler[] rootHandlers = java.util.logging.Logger.getLogger("").getHandlers();
        assertThat(rootHandlers).hasSize(1).allMatch(h -> h instanceof SLF4JBridgeHandler);
        assertThat(angus.isLoggable(Level.INFO)).as("INFO is not even formatted").isFalse();
    }

    @Test
    void routingTwiceInstallsOneBridge() {
        JavaLogging.routeToSlf4j();
        JavaLogging.routeToSlf4j();

        assertThat(java.util.logging.Logger.getLogger("").getHandlers()).hasSize(1);
    }
}

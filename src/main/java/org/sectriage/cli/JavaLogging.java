package org.sectriage.cli;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes java.util.logging, which Jakarta Mail (Angus) logs through, into the daemon's own log: one format,
 * one place (standard output, the journal under systemd), and the levels of logback.xml. Without it, JUL's
 * console handler printed Angus's notes (such as "mail.mime.allowutf8 set but server doesn't advertise
 * SMTPUTF8 support", at every SMTP connection) on standard error in a two-line format of its own.
 */
final class JavaLogging {

    private JavaLogging() {
    }

    /** Replaces JUL's console handler by the bridge to SLF4J; calling it again changes nothing. */
    static void routeToSlf4j() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}

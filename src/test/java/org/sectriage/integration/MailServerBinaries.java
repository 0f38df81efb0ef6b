package org.sectriage.integration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The Debian-packaged Dovecot and Postfix binaries the integration tests run, and whether this
 * machine can run them. Without them the tests are skipped, except under CI ({@code CI=true}),
 * where {@code .ci/run} installs them and a skip would hide that they did not run.
 */
final class MailServerBinaries {

    static final Path DOVECOT = Path.of("/usr/sbin/dovecot");
    static final Path DOVECOT_IMAP = Path.of("/usr/lib/dovecot/imap");
    static final Path DOVECOT_LMTP = Path.of("/usr/lib/dovecot/lmtp");
    static final Path POSTFIX = Path.of("/usr/sbin/postfix");
    static final Path POSTFIX_MASTER = Path.of("/usr/lib/postfix/sbin/master");
    /** util-linux setsid, to make Postfix's master the leader of its own process group. */
    static final Path SETSID = Path.of("/usr/bin/setsid");

    private MailServerBinaries() {
    }

    /** Skips the calling test (or fails it under CI) unless Dovecot and Postfix can be run here. */
    static void assumeUsable() {
        List<String> missing = new ArrayList<>();
        check(missing, DOVECOT, "dovecot-core");
        check(missing, DOVECOT_IMAP, "dovecot-imapd");
        check(missing, DOVECOT_LMTP, "dovecot-lmtpd");
        check(missing, POSTFIX, "postfix");
        check(missing, POSTFIX_MASTER, "postfix");
        String problem = null;
        if (!missing.isEmpty()) {
            problem = "Dovecot and Postfix are not installed, missing " + String.join(", ", missing)
                    + " (apt-get install dovecot-imapd dovecot-lmtpd postfix, or run .ci/run)";
        } else if (!"root".equals(System.getProperty("user.name"))) {
            problem = "they must run as root (Postfix's master process requires it), not as "
                    + System.getProperty("user.name");
        }
        if (problem != null && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must run the tests against real mail servers, but " + problem);
        }
        String reason = problem;
        Assumptions.assumeTrue(reason == null, () -> "tests against real mail servers skipped: " + reason);
    }

    private static void check(List<String> missing, Path binary, String debianPackage) {
        if (!Files.isExecutable(binary)) {
            missing.add(binary + " (" + debianPackage + ")");
        }
    }
}

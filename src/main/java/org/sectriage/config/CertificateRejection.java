package org.sectriage.config;

import java.security.cert.CertificateException;
import java.util.Optional;

/**
 * A mail server's TLS certificate the JVM would not accept (it does not chain to a trusted CA, or names
 * another host), said on one line: the deepest cause, which Jakarta Mail buries under its own messages,
 * and what to do about it.
 */
public final class CertificateRejection {

    /** Causes followed at most, in case a chain loops. */
    private static final int MAX_DEPTH = 20;

    private CertificateRejection() {
    }

    /** What was wrong with the certificate and what to do, when {@code failure} came of one; else empty. */
    public static Optional<String> of(Throwable failure) {
        Throwable root = failure;
        boolean certificate = failure instanceof CertificateException;
        for (int depth = 0; depth < MAX_DEPTH && root.getCause() != null && root.getCause() != root; depth++) {
            root = root.getCause();
            certificate |= root instanceof CertificateException;
        }
        if (!certificate) {
            return Optional.empty();
        }
        return Optional.of("the server's TLS certificate was not accepted: " + String.valueOf(root.getMessage()).strip()
                + ". If a private CA signed it, run the JVM with -Djavax.net.ssl.trustStore=<file with that CA>"
                + " (see the README); if it names another host, connect by a name it has");
    }
}

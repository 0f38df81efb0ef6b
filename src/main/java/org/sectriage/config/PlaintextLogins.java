package org.sectriage.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The connections a config makes without TLS to a host other than this machine while logging in, so
 * that their password crosses the network in plaintext: what {@code check-config} and the daemon's
 * start warn of. {@code security: none} is meant for a server on the same machine.
 */
public final class PlaintextLogins {

    private PlaintextLogins() {
    }

    /** One warning per such connection, naming its key and host; empty when there is none. */
    public static List<String> of(SectriageConfig config) {
        List<String> warnings = new ArrayList<>();
        SectriageConfig.Mailbox mailbox = config.mailbox();
        if (mailbox.security() == SectriageConfig.TransportSecurity.NONE && !isThisMachine(mailbox.host())) {
            warnings.add("mailbox.security is none: the IMAP password for " + mailbox.username() + " and every report"
                    + " cross the network to " + mailbox.host() + " in plaintext; use ssl or starttls");
        }
        SectriageConfig.Smtp smtp = config.smtp();
        if (smtp.security() == SectriageConfig.TransportSecurity.NONE && smtp.username() != null
                && !isThisMachine(smtp.host())) {
            warnings.add("smtp.security is none: the SMTP password for " + smtp.username() + " crosses the network to "
                    + smtp.host() + " in plaintext; use ssl or starttls");
        }
        return warnings;
    }

    /** Whether {@code host} names this machine: localhost or a loopback address, written out (no DNS look-up). */
    static boolean isThisMachine(String host) {
        String h = host.toLowerCase(Locale.ROOT).strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }
}

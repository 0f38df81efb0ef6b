package org.sectriage.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.sectriage.domain.EmailAddress;
import org.sectriage.sla.BusinessCalendar;
import org.sectriage.sla.SlaPolicy;
import org.sectriage.sla.TimeLimit;

/**
 * The whole configuration of one sectriage instance, loaded and validated once at start from one
 * YAML file (see config/sectriage.example.yaml for every key and its default).
 */
public record SectriageConfig(
        Project project,
        Mailbox mailbox,
        Smtp smtp,
        Database database,
        List<Maintainer> maintainers,
        Policy policy,
        Acknowledgement acknowledgement,
        ClassificationSettings classification,
        OpenPgp openpgp,
        MaintainerAuthentication maintainerAuthentication,
        Advisory advisory,
        Templates templates,
        Limits limits,
        Outbox outbox) {

    /** The project whose security mailbox this is. */
    public record Project(
            String name,
            /** The security@ address: the mailbox watched and the From of every mail sent. */
            EmailAddress securityAddress,
            /** Public issue tracker for non-security bugs. */
            String trackerUrl,
            /** Where the security team's public OpenPGP key is published (may be null). */
            String keyUrl,
            /** Zone used for case-id years and dates shown to people. */
            ZoneId timeZone) {
    }

    /** The IMAP mailbox sectriage watches. */
    public record Mailbox(
            String host,
            int port,
            TransportSecurity security,
            String username,
            /**
             * Read from a file: absolute, or relative to $CREDENTIALS_DIRECTORY (the config file's
             * directory when that is unset); never in the YAML.
             */
            Secret password,
            String folder,
            String processedFolder,
            boolean idle,
            Duration pollInterval,
            Duration idleRefresh,
            Duration connectTimeout,
            Duration readTimeout,
            int fetchBatch) {
    }

    /** The SMTP submission server sectriage sends through. */
    public record Smtp(
            String host,
            int port,
            TransportSecurity security,
            /** May be null: no authentication. */
            String username,
            Secret password,
            Duration connectTimeout,
            Duration readTimeout,
            Duration writeTimeout) {
    }

    /** Where cases are stored. */
    public record Database(String url, String user, Secret password) {
    }

    /** A member of the security team who receives every case. */
    public record Maintainer(String name, EmailAddress email, CoordinatorRole role,
                             /** The maintainer's OpenPGP public key file, or null: mail about encrypted reports is encrypted to it. */
                             Path publicKeyFile) {

        /** A maintainer without a public key. */
        public Maintainer(String name, EmailAddress email, CoordinatorRole role) {
            this(name, email, role, null);
        }
    }

    /** Primary coordinators are reminded; secondary ones receive escalations. */
    public enum CoordinatorRole { PRIMARY, SECONDARY, MEMBER }

    /** The promises of the project's SECURITY.md, as times. */
    public record Policy(
            Duration acknowledgeWithin,
            Duration firstResponseWithin,
            Duration escalateAfterSilence,
            /** Human-readable sentence(s) quoted in the acknowledgement, may be null. */
            String timelineText,
            /** The same promises with what each counts (calendar or business time) and the reminder lead. */
            SlaPolicy sla,
            /** How often the deadlines of the cases that are due are checked. */
            Duration checkInterval,
            /** Whether the reporter is told (once per case) that the case was escalated. */
            boolean tellReporterOfEscalation,
            /** Whether a reporter who states no preference is credited (by the name in their From) in the advisory. */
            boolean creditByDefault,
            /** The longest embargo a maintainer may set with #embargo, counted from the day it is set. */
            Duration longestEmbargo,
            /** How long before the embargo date the team and the reporter are reminded; zero for no reminder. */
            Duration remindBeforeDisclosure) {

        /** A policy counting calendar time, reminding {@code remindBefore} before the first-response deadline. */
        public static Policy calendar(Duration acknowledgeWithin, Duration firstResponseWithin,
                                      Duration escalateAfterSilence, String timelineText, Duration remindBefore,
                                      ZoneId zone) {
            return new Policy(acknowledgeWithin, firstResponseWithin, escalateAfterSilence, timelineText,
                    new SlaPolicy(TimeLimit.calendar(acknowledgeWithin), TimeLimit.calendar(firstResponseWithin),
                            TimeLimit.calendar(escalateAfterSilence), remindBefore, BusinessCalendar.officeHours(zone),
                            Duration.ofDays(7)),
                    Duration.ofMinutes(1), true, false, Duration.ofDays(90), Duration.ofDays(7));
        }

        /** This policy with its deadlines checked every {@code interval}. */
        public Policy withCheckInterval(Duration interval) {
            return new Policy(acknowledgeWithin, firstResponseWithin, escalateAfterSilence, timelineText, sla, interval,
                    tellReporterOfEscalation, creditByDefault, longestEmbargo, remindBeforeDisclosure);
        }
    }

    /** How acknowledgements are sent. */
    public record Acknowledgement(
            /** At most this many acknowledgements to one sender per hour; 0 disables acknowledgements. */
            int maxPerSenderPerHour,
            /** At most this many acknowledgements in all per hour, whoever the senders claim to be. */
            int maxPerHour) {
    }

    /** How inbound reports are classified, and what becomes of mail that is not a security report. */
    public record ClassificationSettings(
            /** Extra classification rules extending the built-in ones; null for the built-in rules only. */
            Path rulesFile,
            /** The supported versions, as SupportedVersions.parse reads them; empty: every version. */
            List<String> supportedVersions,
            /** The completeness items the policy asks reporters for; empty: every item of the rules. */
            List<String> askFor,
            /** Open cases at least this similar (0 to 1) to a new report are pointed out as likely duplicates. */
            double duplicateThreshold,
            NotSecurityHandling notSecurity,
            SpamHandling spam) {
    }

    /** What becomes of mail a person wrote about something other than security. */
    public enum NotSecurityHandling { POINT_TO_TRACKER, TREAT_AS_REPORT }

    /** What becomes of mail classified as spam. */
    public enum SpamHandling { SET_ASIDE, TREAT_AS_REPORT }

    /** OpenPGP: the keys that decrypt reports and sign mail, and what maintainers without a key get. */
    public record OpenPgp(
            /** The security team's secret keys, newest first: each decrypts reports; the first signs outgoing mail. */
            List<SecretKeyFiles> secretKeys,
            /** Public keys learned from reporters (attached keys, Autocrypt) and imported with 'keys import'. */
            Path keyDirectory,
            MaintainersWithoutKey maintainersWithoutKey,
            boolean signOutgoing,
            long maxPlaintextSize,
            Duration decryptTimeLimit) {

        /** True when a secret key is configured, so that encrypted reports can be read. */
        public boolean canDecrypt() {
            return !secretKeys.isEmpty();
        }
    }

    /** How a message claiming to be from a maintainer is believed to be, before its commands act or it is relayed. */
    public record MaintainerAuthentication(
            AuthenticationMode mode,
            /** The authserv-ids of Authentication-Results headers that are trusted (those the project's own MX adds). */
            List<String> trustedAuthservIds) {
    }

    /** What authenticates a maintainer's mail. */
    public enum AuthenticationMode {
        /** An OpenPGP signature by the maintainer's key over the whole message, or an aligned DKIM pass. */
        SIGNATURE_OR_DKIM,
        /** Only an OpenPGP signature by the maintainer's key over the whole message. */
        SIGNATURE,
        /** Only an aligned DKIM pass from a trusted Authentication-Results header. */
        DKIM,
        /** The From address alone, which anyone can forge: for trials only; check-config warns. */
        FROM_ADDRESS
    }

    /** Who publishes the advisories sectriage drafts, and about what. */
    public record Advisory(String product, String vendor, String namespace, String ecosystem, String packageName) {
    }

    /** A secret key file and the file of its passphrase (null: the key is not protected), both credentials. */
    public record SecretKeyFiles(Path keyFile, Path passphraseFile) {
    }

    /** What a maintainer without a public key gets about an encrypted report. */
    public enum MaintainersWithoutKey {
        /** A notice that the case exists, without anything derived from the report. */
        NOTICE,
        /** Nothing. */
        NOTHING
    }

    /** Mail templates: a directory of Mustache files overriding the built-in ones; null means built-in. */
    public record Templates(Path directory) {
    }

    /** Limits applied when parsing inbound mail; a message over a limit still becomes a case, marked so. */
    public record Limits(
            long maxMessageSize,
            int maxHeaderCount,
            int maxHeaderLength,
            int maxLineLength,
            int maxNestingDepth,
            int maxBodyText) {
    }

    /** Outgoing mail retries. */
    public record Outbox(
            Duration retryInitial,
            Duration retryMax,
            /** A mail still unsent this long after it was queued is reported; it is never dropped. */
            Duration reportUndeliveredAfter,
            Duration drainInterval) {
    }

    /** Transport security of a mail connection. */
    public enum TransportSecurity { SSL, STARTTLS, NONE }
}

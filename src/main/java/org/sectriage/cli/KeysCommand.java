package org.sectriage.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bouncycastle.openpgp.PGPKeyRing;
import org.sectriage.crypto.InvalidKeyFileException;
import org.sectriage.crypto.KeyFiles;
import org.sectriage.crypto.KeyInfo;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sectriage keys generate|import|list|export}: the project's security key and the public keys it knows. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Generate the project's OpenPGP security key; import, list and export OpenPGP keys.",
        subcommands = {GenerateKeyCommand.class, KeysCommand.ImportKeys.class, KeysCommand.ListKeys.class,
            KeysCommand.ExportKey.class})
final class KeysCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import the OpenPGP keys in a file (armored or binary) into the key directory:"
                    + " maintainers' and reporters' public keys, so that their signatures are recognised.",
                "A key already there is replaced by the one imported."})
    static final class ImportKeys implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "A file of OpenPGP keys, e.g. alice.asc.")
        Path file;

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        KeySource source;

        @Override
        public Integer call() {
            KeySource keys = KeySource.orDefault(source);
            List<KeyInfo> imported;
            try {
                imported = keys.directory().importFile(file);
            } catch (NoSuchFileException e) {
                throw new CliErrors.UserError("no such file: " + file);
            } catch (InvalidKeyFileException e) {
                throw new CliErrors.UserError(e.getMessage());
            } catch (IOException e) {
                throw new CliErrors.UserError("cannot import " + file + " into " + keys.directoryPath() + ": " + e);
            }
            for (KeyInfo key : imported) {
                System.out.println("imported " + (key.hasSecretKey() ? "secret" : "public") + " key "
                        + key.fingerprint() + " " + String.join(", ", key.userIds()));
            }
            System.out.println("into " + keys.directoryPath());
            if (imported.stream().anyMatch(KeyInfo::hasSecretKey)) {
                System.out.println("Note: sectriage decrypts only with the keys listed in openpgp.secret-keys;"
                        + " a secret key in the key directory is not used for that.");
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the keys in the key directory and, with --config, the configured secret keys"
                    + " (openpgp.secret-keys): fingerprint, kind, algorithm, created, expires, user ids.")
    static final class ListKeys implements Callable<Integer> {

        private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        KeySource source;

        @Option(names = "--json", description = "One JSON object per key, one per line.")
        boolean json;

        /** One key as listed: where it was found, and what it is. */
        record ListedKey(String fingerprint, List<String> userIds, String algorithm, Instant created,
                Instant expires, boolean secret, String source, Path file) {
        }

        @Override
        public Integer call() {
            KeySource keys = KeySource.orDefault(source);
            List<ListedKey> listed = new ArrayList<>();
            for (KeySource.ConfiguredKey key : keys.configuredSecretKeys()) {
                listed.add(row(KeyInfo.of(key.ring()), key.entry(), key.file()));
            }
            for (KeyInfo key : keys.directoryKeys()) {
                listed.add(row(key, "key-directory", keys.directoryPath()));
            }
            PrintStream out = System.out;
            if (json) {
                listed.forEach(k -> out.println(Json.write(k)));
                return 0;
            }
            if (listed.isEmpty()) {
                out.println("No keys in " + keys.describe() + ".");
                return 0;
            }
            out.printf("%-40s %-6s %-22s %-10s %-10s %-22s %s%n", "FINGERPRINT", "KIND", "ALGORITHM", "CREATED",
                    "EXPIRES", "SOURCE", "USER IDS");
            for (ListedKey k : listed) {
                out.printf("%-40s %-6s %-22s %-10s %-10s %-22s %s%n", k.fingerprint(), k.secret() ? "secret" : "public",
                        k.algorithm(), DAY.format(k.created()), k.expires() == null ? "never" : DAY.format(k.expires()),
                        k.source(), String.join(", ", k.userIds()));
            }
            return 0;
        }

        private static ListedKey row(KeyInfo key, String source, Path file) {
            return new ListedKey(key.fingerprint(), key.userIds(), key.algorithm(), key.created(), key.expires(),
                    key.hasSecretKey(), source, file);
        }

    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Print a public key, ASCII-armored, for the project's website and security.txt"
                    + " (\"Encryption:\").",
                "Without FINGERPRINT: the public part of the first configured secret key (openpgp.secret-keys),"
                        + " the one sectriage signs with."})
    static final class ExportKey implements Callable<Integer> {

        @Parameters(paramLabel = "FINGERPRINT", arity = "0..1",
                description = "The key's fingerprint, or its 16-digit key id (spaces allowed).")
        String fingerprint;

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        KeySource source;

        @Override
        public Integer call() {
            KeySource keys = KeySource.orDefault(source);
            PGPKeyRing ring = fingerprint == null ? firstSecretKey(keys) : find(keys, normalized(fingerprint));
            System.out.print(KeyFiles.armor(KeyFiles.publicPart(ring)));
            return 0;
        }

        private static PGPKeyRing firstSecretKey(KeySource keys) {
            if (keys.config == null) {
                throw new CliErrors.UserError("name the key to export (keys export FINGERPRINT --dir "
                        + keys.dir + "); without a fingerprint the first of openpgp.secret-keys of --config is exported");
            }
            List<KeySource.ConfiguredKey> configured = keys.configuredSecretKeys();
            if (configured.isEmpty()) {
                throw new CliErrors.UserError(keys.config + " configures no openpgp.secret-keys; name the key to"
                        + " export by its fingerprint");
            }
            return configured.get(0).ring();
        }

        private static PGPKeyRing find(KeySource keys, String wanted) {
            Map<String, PGPKeyRing> matches = new LinkedHashMap<>();
            for (KeySource.ConfiguredKey key : keys.configuredSecretKeys()) {
                addIfMatches(matches, key.ring(), wanted);
            }
            for (PGPKeyRing ring : keys.directoryRings()) {
                addIfMatches(matches, ring, wanted);
            }
            if (matches.isEmpty()) {
                throw new CliErrors.UserError("no key with fingerprint " + wanted + " in " + keys.describe());
            }
            if (matches.size() > 1) {
                throw new CliErrors.UserError(wanted + " matches " + matches.size() + " keys ("
                        + String.join(", ", matches.keySet()) + "); give the whole fingerprint");
            }
            return matches.values().iterator().next();
        }

        private static void addIfMatches(Map<String, PGPKeyRing> matches, PGPKeyRing ring, String wanted) {
            String fpr = KeyInfo.of(ring).fingerprint();
            if (fpr.endsWith(wanted)) {
                matches.putIfAbsent(fpr, ring);
            }
        }

        /** {@code given} in upper case without spaces or a 0x prefix, checked to be a key id or a fingerprint. */
        private static String normalized(String given) {
            String hex = given.replace(" ", "").toUpperCase(Locale.ROOT);
            hex = hex.startsWith("0X") ? hex.substring(2) : hex;
            if (!hex.matches("[0-9A-F]{16}|[0-9A-F]{40}|[0-9A-F]{64}")) {
                throw new CliErrors.UserError("'" + given + "' is not a fingerprint (40 or 64 hex digits) or a key id"
                        + " (16 hex digits)");
            }
            return hex;
        }
    }
}

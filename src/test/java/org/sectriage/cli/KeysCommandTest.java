package org.sectriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.crypto.KeyAlgorithm;
import org.sectriage.crypto.KeyFiles;
import org.sectriage.crypto.KeyIds;
import org.sectriage.crypto.MessageSigner;
import org.sectriage.crypto.SecretKeySet;
import org.sectriage.crypto.SecurityKeyGenerator;

/** {@code keys generate|import|list|export}: key files with the right modes, and errors that say what is wrong. */
class KeysCommandTest {

    private static final Pattern FINGERPRINT = Pattern.compile("fingerprint\\s+([0-9A-F]{40})");
    private static final Pattern CREDENTIAL = Pattern.compile("LoadCredential=([^:]+):(\\S+)");

    @TempDir
    Path dir;

    @Test
    void generateWritesTheSecretFilesForTheOwnerOnlyAndTheyUnlock() throws Exception {
        Path out = dir.resolve("credentials");

        CliRun run = generate(out);

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path secret = out.resolve("openpgp-secret-key.asc");
        Path passphrase = out.resolve("openpgp-passphrase");
        assertThat(mode(secret)).isEqualTo("rw-------");
        assertThat(mode(passphrase)).isEqualTo("rw-------");
        assertThat(mode(out)).isEqualTo("rwx------");
        assertThat(Files.readString(out.resolve("openpgp-public-key.asc")))
                .startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----");
        SecretKeySet keys = SecretKeySet.empty().withFiles(secret, passphrase);
        assertThat(new MessageSigner(keys, Clock.systemUTC()).signerFingerprint()).isEqualTo(fingerprint(run));
        assertThat(KeyIds.fingerprint(keys.rings().get(0).getPublicKey())).isEqualTo(fingerprint(run));
        assertThat(keys.rings().get(0).getPublicKey().getUserIDs().next())
                .isEqualTo("Example Security <security@example.org>");
    }

    @Test
    void theConfigAndSystemdLinesItPrintsWork() throws Exception {
        CliRun run = generate(dir.resolve("credentials"));
        Path config = exampleConfig();
        Matcher credential = CREDENTIAL.matcher(run.out());
        while (credential.find()) { // what systemd's LoadCredential= does, with the config's directory as credentials
            Files.copy(Path.of(credential.group(2)), dir.resolve(credential.group(1)));
        }
        String yaml = run.out().substring(run.out().indexOf("openpgp:"), run.out().indexOf("\n\n", run.out()
                .indexOf("openpgp:")));
        Files.writeString(config, Files.readString(config) + "\n" + yaml + "\n  key-directory: keys\n");

        CliRun check = CliRun.of("check-config", "--config", config.toString());
        CliRun list = CliRun.of("keys", "list", "--config", config.toString());

        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains(fingerprint(run), "secret", "openpgp.secret-keys[0]",
                "Example Security <security@example.org>", "EdDSA");
    }

    @Test
    void generateRefusesToOverwriteAKey() throws Exception {
        Path out = dir.resolve("credentials");
        generate(out);
        String first = Files.readString(out.resolve("openpgp-secret-key.asc"));

        CliRun again = generate(out);

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("refusing to overwrite", "openpgp-secret-key.asc").doesNotContain("Exception");
        assertThat(Files.readString(out.resolve("openpgp-secret-key.asc"))).isEqualTo(first);
    }

    @Test
    void generateTakesAPassphraseFileAndAnRsaAlgorithm() throws Exception {
        Path passphrase = dir.resolve("my-passphrase");
        Files.writeString(passphrase, "a passphrase of my own\n");
        Path out = dir.resolve("credentials");

        CliRun run = CliRun.of("keys", "generate", "--name", "Example Security", "--email", "security@example.org",
                "--algorithm", "rsa3072", "--out", out.toString(), "--passphrase-file", passphrase.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("openpgp-passphrase")).doesNotExist();
        assertThat(run.out()).contains("-passphrase:" + passphrase.toAbsolutePath());
        SecretKeySet keys = SecretKeySet.empty().withFiles(out.resolve("openpgp-secret-key.asc"), passphrase);
        assertThat(new MessageSigner(keys, Clock.systemUTC()).signerFingerprint()).isEqualTo(fingerprint(run));
        assertThat(keys.rings().get(0).getPublicKey().getBitStrength()).isEqualTo(3072);
    }

    @Test
    void generateNamesWhatIsWrongWithItsArguments() {
        CliRun missingPassphrase = CliRun.of("keys", "generate", "--name", "Sec", "--email", "security@example.org",
                "--out", dir.resolve("a").toString(), "--passphrase-file", dir.resolve("nope").toString());
        CliRun badAlgorithm = CliRun.of("keys", "generate", "--name", "Sec", "--email", "security@example.org",
                "--out", dir.resolve("b").toString(), "--algorithm", "dsa1024");
        CliRun badEmail = CliRun.of("keys", "generate", "--name", "Sec", "--email", "security", "--out",
                dir.resolve("c").toString());

        assertThat(missingPassphrase.exitCode()).isEqualTo(2);
        assertThat(missingPassphrase.err()).contains("no such passphrase file", "nope");
        assertThat(badAlgorithm.exitCode()).isEqualTo(2);
        assertThat(badAlgorithm.err()).contains("dsa1024", "ed25519, rsa3072, rsa4096");
        assertThat(badEmail.exitCode()).isEqualTo(2);
        assertThat(badEmail.err()).contains("--email 'security'");
        assertThat(dir.resolve("a")).doesNotExist();
    }

    @Test
    void importListAndExportAKeyDirectory() throws Exception {
        PGPSecretKeyRing alice = ring("Alice Maintainer <alice@example.org>");
        String fingerprint = KeyIds.fingerprint(alice.getPublicKey());
        Path file = dir.resolve("alice.asc");
        Files.writeString(file, KeyFiles.armor(KeyFiles.publicPart(alice)));
        Path keys = dir.resolve("keys");

        CliRun imported = CliRun.of("keys", "import", file.toString(), "--dir", keys.toString());
        CliRun listed = CliRun.of("keys", "list", "--dir", keys.toString(), "--json");
        CliRun exported = CliRun.of("keys", "export", fingerprint.substring(24), "--dir", keys.toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported public key " + fingerprint, "alice@example.org");
        assertThat(listed.out().lines()).singleElement().satisfies(line -> assertThat(line)
                .contains("\"fingerprint\":\"" + fingerprint + "\"", "\"secret\":false", "\"expires\":null",
                        "\"user_ids\":[\"Alice Maintainer <alice@example.org>\"]", "\"source\":\"key-directory\""));
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.out()).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----").doesNotContain("PRIVATE");
        assertThat(KeyIds.fingerprint(KeyFiles.parseKeyRings(exported.out().getBytes(StandardCharsets.US_ASCII))
                .get(0).getPublicKey())).isEqualTo(fingerprint);
    }

    @Test
    void importSaysWhenTheFileIsMissingOrNoKey() throws Exception {
        Path notAKey = dir.resolve("notes.txt");
        Files.writeString(notAKey, "these are not the keys you are looking for");

        CliRun missing = CliRun.of("keys", "import", dir.resolve("nope.asc").toString(), "--dir", dir.toString());
        CliRun wrong = CliRun.of("keys", "import", notAKey.toString(), "--dir", dir.toString());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file", "nope.asc").doesNotContain("Exception");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("notes.txt").containsAnyOf("not an OpenPGP key", "holds no OpenPGP key")
                .doesNotContain("\tat ");
    }

    @Test
    void exportSaysWhichKeyItCannotFind() throws Exception {
        Path keys = Files.createDirectory(dir.resolve("keys"));

        CliRun unknown = CliRun.of("keys", "export", "0123456789ABCDEF", "--dir", keys.toString());
        CliRun malformed = CliRun.of("keys", "export", "alice", "--dir", keys.toString());
        CliRun unnamed = CliRun.of("keys", "export", "--dir", keys.toString());

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no key with fingerprint 0123456789ABCDEF", keys.toString());
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("'alice' is not a fingerprint");
        assertThat(unnamed.exitCode()).isEqualTo(2);
        assertThat(unnamed.err()).contains("name the key to export");
    }

    @Test
    void exportWithoutAFingerprintIsTheFirstConfiguredSecretKeysPublicPart() throws Exception {
        PGPSecretKeyRing security = ring("Example Security <security@example.org>");
        Path config = exampleConfig();
        KeyFiles.writeSecretKeyRing(dir.resolve("openpgp-key"), security);
        Files.writeString(dir.resolve("openpgp-key-passphrase"), "passphrase\n");
        Files.writeString(config, Files.readString(config) + "\nopenpgp:\n  secret-keys:\n"
                + "    - key-file: openpgp-key\n      passphrase-file: openpgp-key-passphrase\n");

        CliRun exported = CliRun.of("keys", "export", "--config", config.toString());

        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.out()).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----").doesNotContain("PRIVATE");
        assertThat(KeyIds.fingerprint(KeyFiles.parseKeyRings(exported.out().getBytes(StandardCharsets.US_ASCII))
                .get(0).getPublicKey())).isEqualTo(KeyIds.fingerprint(security.getPublicKey()));
    }

    @Test
    void configAndDirAreEitherOr() {
        CliRun both = CliRun.of("keys", "list", "--config", "a.yaml", "--dir", "keys");

        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String command : List.of("generate", "import", "list", "export")) {
            CliRun help = CliRun.of("keys", command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: sectriage keys " + command);
        }
        assertThat(CliRun.of("keys", "--help").out()).contains("generate", "import", "list", "export");
    }

    private static CliRun generate(Path out) {
        return CliRun.of("keys", "generate", "--name", "Example Security", "--email", "security@example.org",
                "--out", out.toString());
    }

    private static String fingerprint(CliRun run) {
        Matcher m = FINGERPRINT.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        return m.group(1);
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static PGPSecretKeyRing ring(String userId) throws Exception {
        return new SecurityKeyGenerator(new SecureRandom()).generate(userId, KeyAlgorithm.CURVE25519,
                "passphrase".toCharArray(), new Date());
    }

    /**
     * The shipped example config in {@link #dir}, with the credential files it names, without its openpgp
     * section, which each test writes for itself.
     */
    private Path exampleConfig() throws Exception {
        Path config = dir.resolve("sectriage.yaml");
        Files.writeString(config, Files.readString(Path.of("config/sectriage.example.yaml"))
                .replaceFirst("(?ms)^openpgp:\\n.*?\\n\\n", ""));
        Files.writeString(dir.resolve("imap-password"), "imap secret");
        Files.writeString(dir.resolve("smtp-password"), "smtp secret");
        return config;
    }
}

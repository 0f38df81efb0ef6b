package org.sectriage.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.sectriage.crypto.KeyAlgorithm;
import org.sectriage.crypto.KeyFiles;
import org.sectriage.crypto.KeyIds;
import org.sectriage.crypto.SecurityKeyGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sectriage keys generate}: a new security key pair for the project, written as credential files, with the
 * config and systemd lines that use it.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate a new OpenPGP security key pair for the project. In DIR it writes"
                + " openpgp-secret-key.asc (mode 0600), openpgp-passphrase (mode 0600; unless --passphrase-file is"
                + " given) and openpgp-public-key.asc, refusing to overwrite any of them, and prints the"
                + " fingerprint and the configuration and systemd lines to use the key.",
            "For a new key beside an old one (key rotation), use another DIR: the old key still decrypts old mail."})
final class GenerateKeyCommand implements Callable<Integer> {

    static final String SECRET_KEY_FILE = "openpgp-secret-key.asc";
    static final String PASSPHRASE_FILE = "openpgp-passphrase";
    static final String PUBLIC_KEY_FILE = "openpgp-public-key.asc";

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "The name in the key's user id, e.g. \"Example Project Security Team\".")
    String name;

    @Option(names = "--email", required = true, paramLabel = "ADDRESS",
            description = "The security address in the key's user id, e.g. security@example.org.")
    String email;

    @Option(names = "--algorithm", paramLabel = "ALGORITHM", defaultValue = "ed25519",
            description = "ed25519 (Ed25519 signing, X25519 encryption), rsa3072 or rsa4096 (default: ${DEFAULT-VALUE}).")
    String algorithm;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The directory to write the key files to, created (mode 0700) when missing,"
                    + " e.g. /etc/sectriage/credentials.")
    Path out;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "A file holding the passphrase to protect the secret key with; without it a random"
                    + " passphrase is generated and written to DIR/" + PASSPHRASE_FILE + ".")
    Path passphraseFile;

    @Override
    public Integer call() throws IOException {
        KeyAlgorithm keyAlgorithm = keyAlgorithm();
        String userId = userId();
        Path secretFile = out.resolve(SECRET_KEY_FILE);
        Path publicFile = out.resolve(PUBLIC_KEY_FILE);
        Path passphraseTarget = passphraseFile != null ? passphraseFile : out.resolve(PASSPHRASE_FILE);
        List<Path> toWrite = passphraseFile != null ? List.of(secretFile, publicFile)
                : List.of(secretFile, publicFile, passphraseTarget);
        for (Path file : toWrite) {
            if (Files.exists(file)) {
                throw new CliErrors.UserError("refusing to overwrite " + file + ": it may hold a key that old mail"
                        + " is encrypted to; choose another --out directory");
            }
        }
        SecureRandom random = new SecureRandom();
        char[] passphrase = passphraseFile != null ? readPassphrase(passphraseFile) : randomPassphrase(random);
        try {
            PGPSecretKeyRing ring = new SecurityKeyGenerator(random).generate(userId, keyAlgorithm, passphrase,
                    new Date());
            createDirectory(out);
            try {
                KeyFiles.writeSecretKeyRing(secretFile, ring);
                if (passphraseFile == null) {
                    KeyFiles.writePassphrase(passphraseTarget, passphrase);
                }
            } catch (FileAlreadyExistsException e) {
                throw new CliErrors.UserError("refusing to overwrite " + e.getFile());
            }
            Files.writeString(publicFile, KeyFiles.armor(KeyFiles.publicPart(ring)));
            print(ring, keyAlgorithm, secretFile, publicFile, passphraseTarget);
        } catch (PGPException e) {
            throw new IllegalStateException("key generation failed: " + e.getMessage(), e);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        return 0;
    }

    private void print(PGPSecretKeyRing ring, KeyAlgorithm keyAlgorithm, Path secretFile, Path publicFile,
            Path passphraseTarget) {
        String fingerprint = KeyIds.fingerprint(ring.getPublicKey());
        String credential = "openpgp-key-" + KeyIds.keyId(ring.getPublicKey()).toLowerCase(Locale.ROOT);
        System.out.println("Generated a security key (" + algorithm.toLowerCase(Locale.ROOT) + ") for " + userId() + ".");
        System.out.println("  fingerprint  " + fingerprint);
        System.out.println("  secret key   " + secretFile.toAbsolutePath() + "  (mode 0600; back it up offline)");
        System.out.println("  passphrase   " + passphraseTarget.toAbsolutePath()
                + (passphraseFile == null ? "  (mode 0600, generated)" : ""));
        System.out.println("  public key   " + publicFile.toAbsolutePath()
                + "  (publish it: website, security.txt \"Encryption:\")");
        System.out.println();
        System.out.println("In the configuration (the newest key first under openpgp.secret-keys; keep older keys"
                + " after it, so that mail encrypted to them can still be read):");
        System.out.println();
        System.out.println("openpgp:");
        System.out.println("  secret-keys:");
        System.out.println("    - key-file: " + credential);
        System.out.println("      passphrase-file: " + credential + "-passphrase");
        System.out.println();
        System.out.println("In the [Service] section of the systemd unit (then: systemctl daemon-reload):");
        System.out.println();
        System.out.println("LoadCredential=" + credential + ":" + secretFile.toAbsolutePath());
        System.out.println("LoadCredential=" + credential + "-passphrase:" + passphraseTarget.toAbsolutePath());
    }

    private KeyAlgorithm keyAlgorithm() {
        return switch (algorithm.toLowerCase(Locale.ROOT)) {
            case "ed25519" -> KeyAlgorithm.CURVE25519;
            case "rsa3072" -> KeyAlgorithm.RSA_3072;
            case "rsa4096" -> KeyAlgorithm.RSA_4096;
            default -> throw new CliErrors.UserError("--algorithm " + algorithm
                    + " is not one of ed25519, rsa3072, rsa4096");
        };
    }

    private String userId() {
        String trimmedName = name.strip();
        String address = email.strip();
        if (trimmedName.isEmpty() || trimmedName.matches(".*[<>\\p{Cntrl}].*")) {
            throw new CliErrors.UserError("--name '" + name + "' must be a non-empty name without <, > or control"
                    + " characters");
        }
        if (!address.matches("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+")) {
            throw new CliErrors.UserError("--email '" + email + "' is not a mail address like security@example.org");
        }
        return trimmedName + " <" + address + ">";
    }

    private static char[] readPassphrase(Path file) throws IOException {
        char[] passphrase;
        try {
            passphrase = KeyFiles.readPassphrase(file);
        } catch (NoSuchFileException e) {
            throw new CliErrors.UserError("no such passphrase file: " + file);
        }
        if (passphrase.length == 0) {
            throw new CliErrors.UserError("passphrase file " + file + " is empty");
        }
        return passphrase;
    }

    /** 32 random characters (192 bits), letters, digits, '-' and '_'. */
    private static char[] randomPassphrase(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        char[] passphrase = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
        Arrays.fill(bytes, (byte) 0);
        return passphrase;
    }

    private static void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (Files.exists(dir)) {
            throw new CliErrors.UserError("--out " + dir + " is not a directory");
        }
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
}

package org.sectriage.crypto;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.openpgp.PGPKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;

/**
 * The real {@code gpg} program running in a throwaway GNUPGHOME, used to make test fixtures and to check that
 * what we encrypt GnuPG can read. Tests using it are skipped when gpg is not installed.
 */
public final class GnuPg implements AutoCloseable {

    public static final String PASSPHRASE = "correct horse battery staple";
    private static final Path GPG = Path.of("/usr/bin/gpg");

    private final Path home;

    private GnuPg(Path home) {
        this.home = home;
    }

    /** A GnuPG with a fresh home directory under {@code parent}; skips the test when gpg is missing. */
    public static GnuPg inTemporaryHome(Path parent) throws IOException {
        assumeTrue(Files.isExecutable(GPG), "gpg is not installed at " + GPG);
        Path home = Files.createTempDirectory(parent, "gnupg");
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        return new GnuPg(home);
    }

    /** The version line gpg prints, e.g. "gpg (GnuPG) 2.2.40". */
    public String version() throws IOException {
        return new String(run(new byte[0], "--version"), StandardCharsets.UTF_8).lines().findFirst().orElse("");
    }

    /** Generates a key for {@code userId}: primary {@code primaryAlgo} (sign), subkey {@code subAlgo} (encrypt). */
    public String generateKey(String userId, String primaryAlgo, String subAlgo) throws IOException {
        run(new byte[0], "--quick-gen-key", userId, primaryAlgo, "sign,cert", "never");
        String fingerprint = fingerprint(userId);
        run(new byte[0], "--quick-add-key", fingerprint, subAlgo, "encr", "never");
        return fingerprint;
    }

    /** The primary key fingerprint of the key for {@code userId}. */
    public String fingerprint(String userId) throws IOException {
        return colonField(userId, "fpr", 9);
    }

    /** The 16-digit key id of the (last) encryption subkey of the key for {@code userId}. */
    public String encryptionSubkeyId(String userId) throws IOException {
        String id = null;
        for (String line : listColons(userId)) {
            String[] f = line.split(":", -1);
            if (f[0].equals("sub") && f[11].contains("e")) {
                id = f[4];
            }
        }
        return id;
    }

    /** The public key of {@code key} (a fingerprint or user id), armored, as gpg exports it. */
    public String armoredPublicKey(String key) throws Exception {
        return new String(run(new byte[0], "--armor", "--export", key), java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Writes the armored public key of {@code key} to {@code file}, as an admin would for the config; returns it. */
    public java.nio.file.Path exportPublicKey(String key, java.nio.file.Path file) throws Exception {
        java.nio.file.Files.writeString(file, armoredPublicKey(key), java.nio.charset.StandardCharsets.US_ASCII);
        return file;
    }

    /** Writes the armored secret key of {@code key}, protected by {@link #PASSPHRASE}, to {@code file}; returns it. */
    public java.nio.file.Path exportSecretKey(String key, java.nio.file.Path file) throws Exception {
        java.nio.file.Files.write(file, run(new byte[0], "--armor", "--export-secret-keys", key));
        return file;
    }

    /** The public key ring of {@code fingerprint}, exported by gpg. */
    public PGPPublicKeyRing publicKey(String fingerprint) throws Exception {
        byte[] exported = run(new byte[0], "--armor", "--export", fingerprint);
        return KeyFiles.publicPart(KeyFiles.parseKeyRings(exported).get(0));
    }

    /** The secret key ring of {@code fingerprint}, exported by gpg, still protected by {@link #PASSPHRASE}. */
    public PGPSecretKeyRing secretKey(String fingerprint) throws Exception {
        byte[] exported = run(new byte[0], "--armor", "--export-secret-keys", fingerprint);
        for (PGPKeyRing ring : KeyFiles.parseKeyRings(exported)) {
            if (ring instanceof PGPSecretKeyRing secret) {
                return secret;
            }
        }
        throw new AssertionError("gpg exported no secret key for " + fingerprint);
    }

    /** Imports the armored key {@code armored} into this home. */
    public void importKey(byte[] armored) throws IOException {
        run(armored, "--import");
    }

    /**
     * Verifies the detached {@code signature} (armored or binary) over {@code data}; returns gpg's status lines
     * ("[GNUPG:] GOODSIG …", "VALIDSIG FINGERPRINT …"), fails with gpg's messages when the signature is bad.
     */
    public String verifyDetached(byte[] data, byte[] signature) throws IOException {
        Path file = Files.createTempFile(home, "signature", ".sig");
        Files.write(file, signature);
        return new String(run(data, "--status-fd", "1", "--verify", file.toString(), "-"), StandardCharsets.UTF_8);
    }

    /** Runs gpg with {@code args}, feeding it {@code stdin}; returns stdout, fails with stderr on a non-zero exit. */
    public byte[] run(byte[] stdin, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(GPG.toString(), "--homedir", home.toString(), "--batch",
                "--yes", "--no-tty", "--pinentry-mode", "loopback", "--passphrase", PASSPHRASE,
                "--trust-model", "always", "--no-auto-key-locate"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Path errors = Files.createTempFile(home, "stderr", ".txt");
        builder.redirectError(errors.toFile());
        builder.environment().put("GNUPGHOME", home.toString());
        Process process = builder.start();
        CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        }
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("gpg " + List.of(args) + " timed out");
            }
            byte[] out = stdout.get();
            if (process.exitValue() != 0) {
                throw new IOException("gpg " + List.of(args) + " exited " + process.exitValue() + ": "
                        + Files.readString(errors));
            }
            return out;
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IOException("gpg " + List.of(args) + " was interrupted", e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String colonField(String userId, String record, int index) throws IOException {
        for (String line : listColons(userId)) {
            String[] f = line.split(":", -1);
            if (f[0].equals(record)) {
                return f[index];
            }
        }
        throw new IOException("no " + record + " record for " + userId);
    }

    private List<String> listColons(String userId) throws IOException {
        return new String(run(new byte[0], "--with-colons", "--list-keys", userId), StandardCharsets.UTF_8)
                .lines().toList();
    }

    /** Stops the gpg-agent of this home. */
    @Override
    public void close() {
        try {
            new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "all")
                    .redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // the agent exits by itself once its home directory is gone
        }
    }
}

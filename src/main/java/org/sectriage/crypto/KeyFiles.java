package org.sectriage.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.openpgp.PGPKeyRing;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/** Reads and writes OpenPGP key files: armored or binary key rings, and passphrase files. */
public final class KeyFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeyFiles() {
    }

    /** All key rings (public or secret) in {@code bytes}, armored or binary. */
    public static List<PGPKeyRing> parseKeyRings(byte[] bytes) throws InvalidKeyFileException {
        return parseKeyRings(bytes, "<bytes>");
    }

    /** All key rings (public or secret) in the file at {@code path}, armored or binary. */
    public static List<PGPKeyRing> readKeyRings(Path path) throws IOException, InvalidKeyFileException {
        return parseKeyRings(Files.readAllBytes(path), path.toString());
    }

    /** The secret key rings in the file at {@code path}; fails when it holds none. */
    public static List<PGPSecretKeyRing> readSecretKeyRings(Path path) throws IOException, InvalidKeyFileException {
        List<PGPSecretKeyRing> secret = new ArrayList<>();
        for (PGPKeyRing ring : readKeyRings(path)) {
            if (ring instanceof PGPSecretKeyRing s) {
                secret.add(s);
            }
        }
        if (secret.isEmpty()) {
            throw new InvalidKeyFileException(path.toString(), "holds no secret key");
        }
        return secret;
    }

    /** The public key rings in the file at {@code path}; secret key rings in it are reduced to their public part. */
    public static List<PGPPublicKeyRing> readPublicKeyRings(Path path) throws IOException, InvalidKeyFileException {
        List<PGPPublicKeyRing> rings = new ArrayList<>();
        for (PGPKeyRing ring : readKeyRings(path)) {
            rings.add(publicPart(ring));
        }
        return rings;
    }

    /** The public key ring of {@code ring}: itself when public, its public keys when secret. */
    public static PGPPublicKeyRing publicPart(PGPKeyRing ring) {
        if (ring instanceof PGPPublicKeyRing p) {
            return p;
        }
        List<PGPPublicKey> keys = new ArrayList<>();
        ring.getPublicKeys().forEachRemaining(keys::add);
        return new PGPPublicKeyRing(keys);
    }

    /** The passphrase in the file at {@code path}, without its trailing line break (a systemd credential file). */
    public static char[] readPassphrase(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        char[] passphrase = new String(bytes, 0, end, StandardCharsets.UTF_8).toCharArray();
        Arrays.fill(bytes, (byte) 0);
        return passphrase;
    }

    /** {@code ring} in ASCII armor. */
    public static String armor(PGPKeyRing ring) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored = ArmoredOutputStream.builder().clearHeaders().build(bytes)) {
            ring.encode(armored);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    /** Writes {@code ring} armored to a new file at {@code path} readable by its owner only (mode 0600). */
    public static void writeSecretKeyRing(Path path, PGPSecretKeyRing ring) throws IOException {
        writeOwnerOnly(path, armor(ring).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Writes {@code passphrase} to a new file at {@code path} readable by its owner only (mode 0600), as
     * {@link #readPassphrase} reads it back: UTF-8, followed by a line break.
     */
    public static void writePassphrase(Path path, char[] passphrase) throws IOException {
        java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(passphrase));
        byte[] bytes = new byte[encoded.remaining() + 1];
        encoded.get(bytes, 0, bytes.length - 1);
        bytes[bytes.length - 1] = '\n';
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            writeOwnerOnly(path, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Writes {@code bytes} to a new file at {@code path} created with mode 0600, so it is never readable by others. */
    static void writeOwnerOnly(Path path, byte[] bytes) throws IOException {
        if (Files.exists(path)) {
            throw new FileAlreadyExistsException(path.toString(), null, "refusing to overwrite a key file");
        }
        boolean posix = path.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(path);
        }
        try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(bytes);
        }
        if (posix) {
            Files.setPosixFilePermissions(path, OWNER_ONLY);
        }
    }

    private static List<PGPKeyRing> parseKeyRings(byte[] bytes, String source) throws InvalidKeyFileException {
        List<PGPKeyRing> rings = new ArrayList<>();
        try (InputStream in = PGPUtil.getDecoderStream(new java.io.ByteArrayInputStream(bytes))) {
            BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
            Object next;
            while ((next = factory.nextObject()) != null) {
                if (next instanceof PGPKeyRing ring) {
                    rings.add(ring);
                } else {
                    throw new InvalidKeyFileException(source, "contains " + next.getClass().getSimpleName()
                            + " where a key ring was expected");
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidKeyFileException(source, "is not an OpenPGP key file: " + e.getMessage());
        }
        if (rings.isEmpty()) {
            throw new InvalidKeyFileException(source, "holds no OpenPGP key");
        }
        return rings;
    }

}

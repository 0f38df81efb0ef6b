package org.sectriage.outbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.sectriage.crypto.MessageEncryptor;
import org.sectriage.crypto.MessageSigner;
import org.sectriage.crypto.NoEncryptionKeyException;

/** Builds RFC 3156 PGP/MIME entities: multipart/signed around an entity, multipart/encrypted around an entity. */
final class PgpMime {

    private final MessageEncryptor encryptor;
    private final SecureRandom random;

    /** Builds with boundaries and session keys drawn from {@code random}. */
    PgpMime(SecureRandom random) {
        this.encryptor = new MessageEncryptor(random);
        this.random = random;
    }

    /**
     * {@code part} signed by {@code signer} as multipart/signed (RFC 3156 section 5): the signature is a canonical
     * text signature over the part's bytes exactly as written here, up to the line break before the boundary.
     */
    MimeEntity signed(MimeEntity part, MessageSigner signer) {
        byte[] signed = part.bytes();
        String signature = signer.signArmored(signed, MessageSigner.DataKind.TEXT);
        MimeEntity signaturePart = new MimeEntity(List.of(
                MimeEntity.header("Content-Type", "application/pgp-signature; name=\"signature.asc\""),
                MimeEntity.header("Content-Description", "OpenPGP digital signature"),
                MimeEntity.header("Content-Disposition", "attachment; filename=\"signature.asc\"")),
                MimeEntity.crlf(signature.getBytes(StandardCharsets.US_ASCII)));
        String boundary = boundary();
        return multipart("signed; micalg=" + signer.micalg() + "; protocol=\"application/pgp-signature\"", boundary,
                "This is an OpenPGP/MIME signed message (RFC 4880 and 3156)", signed, signaturePart.bytes());
    }

    /**
     * {@code inner} (headers and body) encrypted to every ring in {@code recipients} as multipart/encrypted
     * (RFC 3156 section 4): the "Version: 1" part, then the armored message as application/octet-stream.
     */
    MimeEntity encrypted(MimeEntity inner, List<PGPPublicKeyRing> recipients)
            throws PGPException, NoEncryptionKeyException {
        byte[] armored = MimeEntity.crlf(encryptor.encrypt(inner.bytes(), recipients));
        MimeEntity version = new MimeEntity(List.of(
                MimeEntity.header("Content-Type", "application/pgp-encrypted"),
                MimeEntity.header("Content-Description", "PGP/MIME version identification")),
                "Version: 1\r\n".getBytes(StandardCharsets.US_ASCII));
        MimeEntity payload = new MimeEntity(List.of(
                MimeEntity.header("Content-Type", "application/octet-stream; name=\"encrypted.asc\""),
                MimeEntity.header("Content-Description", "OpenPGP encrypted message"),
                MimeEntity.header("Content-Disposition", "inline; filename=\"encrypted.asc\"")),
                armored);
        return multipart("encrypted; protocol=\"application/pgp-encrypted\"", boundary(),
                "This is an OpenPGP/MIME encrypted message (RFC 4880 and 3156)", version.bytes(), payload.bytes());
    }

    /** A multipart entity of {@code subtypeAndParameters} holding {@code parts} (each its exact bytes). */
    private static MimeEntity multipart(String subtypeAndParameters, String boundary, String preamble,
            byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        body.writeBytes(preamble.getBytes(StandardCharsets.US_ASCII));
        for (byte[] part : parts) {
            body.writeBytes(delimiter);
            body.writeBytes(new byte[] {'\r', '\n'});
            body.writeBytes(part);
        }
        body.writeBytes(delimiter);
        body.writeBytes("--\r\n".getBytes(StandardCharsets.US_ASCII));
        return new MimeEntity(List.of(MimeEntity.header("Content-Type",
                "multipart/" + subtypeAndParameters + "; boundary=\"" + boundary + "\"")), body.toByteArray());
    }

    /**
     * A fresh boundary. It holds "=_", which quoted-printable text, base64 and armor never contain, so it can
     * not occur in any part.
     */
    private String boundary() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return "=_sectriage_" + HexFormat.of().formatHex(bytes);
    }
}

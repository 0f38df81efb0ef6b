package org.sectriage.crypto;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.Step;
import org.sectriage.store.KnownKeyStore;

/**
 * Verifies the OpenPGP signature of a message (PGP/MIME multipart/signed, or an inline cleartext
 * signature) against the keys sectriage knows: the maintainers' configured keys and the keys learned
 * from the sender, or, when none is known for the sender yet, the keys the message offers (the first
 * contact, whose keys {@link LearnReporterKey} learns after this step). It records whether the message was signed, by which key, and whether the signature
 * covers the whole message; a signed part wrapped inside unsigned content does not.
 */
public final class VerifySignature implements Step {

    private final List<PGPPublicKeyRing> maintainerKeys;
    private final KnownKeyStore known = new KnownKeyStore();

    public VerifySignature(List<PGPPublicKeyRing> maintainerKeys) {
        this.maintainerKeys = List.copyOf(maintainerKeys);
    }

    @Override
    public void apply(Envelope env) throws Exception {
        byte[] readable = env.decrypted().orElse(null);
        if (readable == null) {
            try (InputStream in = env.openRaw()) {
                readable = in.readAllBytes();
            }
        }
        if (!OpenPgpContent.mayBeSigned(readable) && env.embeddedSignatures().isEmpty()) {
            return;
        }
        List<PGPPublicKeyRing> keys = new ArrayList<>(maintainerKeys);
        if (env.parsed().from() != null) {
            List<String> senderKeys = new ArrayList<>();
            known.of(env.connection(), env.parsed().from().normalized()).forEach(k -> senderKeys.add(k.armored()));
            if (senderKeys.isEmpty()) {
                // first contact: the keys the message offers are those LearnReporterKey learns from it
                env.offeredKeys().forEach(k -> senderKeys.add(k.armored()));
            }
            for (String armored : senderKeys) {
                try {
                    keys.addAll(KeyFiles.parseKeyRings(armored.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                            .stream().map(KeyFiles::publicPart).toList());
                } catch (InvalidKeyFileException stale) {
                    // a stored key that no longer parses verifies nothing
                }
            }
        }
        SignatureVerifier verifier = new SignatureVerifier(new PublicKeySet(keys));
        SignatureReport report = verifier.verify(readable);
        if (!report.signed() && !env.embeddedSignatures().isEmpty()) {
            // a signature inside the encryption that covers the whole message counts over a cleartext signed text
            // within it that does not: one quoted from the reporter's mail, say
            SignatureReport embedded = verifier.verifyEmbedded(env.embeddedSignatures());
            if (!report.hasSignature() || embedded.signed()) {
                report = embedded;
            }
        }
        if (report.hasSignature()) {
            String status = report.status().name().toLowerCase(Locale.ROOT).replace('_', '-');
            env.setSignature(status, report.signerFingerprint().isEmpty() ? null : report.signerFingerprint(),
                    report.coversWholeMessage(), report.signing());
            env.note("signature " + status + (report.coversWholeMessage() ? "" : " (over a part only)"));
        }
    }
}

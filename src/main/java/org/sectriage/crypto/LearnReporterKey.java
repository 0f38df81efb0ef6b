package org.sectriage.crypto;

import java.util.List;
import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.Step;
import org.sectriage.store.KnownKeyStore;

/**
 * Learns the public keys the sender offered for themselves ({@link FindOfferedKeys}), so that what
 * sectriage writes back about an encrypted report can be encrypted to them. A From address is easily
 * forged, so a key is learned on first contact (no key known yet for the address), again when it is the
 * one known, or when the message is signed, over the whole of it, by a key already known for the
 * address and the new key is in what is signed (a reporter moving to a new key): not in an Autocrypt
 * header, which no signature covers. A different key in any other mail is not learned, so that a
 * forged mail cannot plant a key on a reporter: replies would go encrypted to it, and its signatures
 * would pass for the reporter's.
 */
public final class LearnReporterKey implements Step {

    private final KnownKeyStore keys = new KnownKeyStore();

    @Override
    public void apply(Envelope env) throws Exception {
        if (env.offeredKeys().isEmpty()) {
            return;
        }
        String address = env.parsed().from().normalized();
        List<KnownKeyStore.KnownKey> known = keys.of(env.connection(), address);
        boolean vouched = env.isSignedWhole() && known.stream().anyMatch(k -> k.fingerprint().equalsIgnoreCase(
                env.signerFingerprint()));
        for (OfferedKey key : env.offeredKeys()) {
            boolean same = known.stream().anyMatch(k -> k.fingerprint().equalsIgnoreCase(key.fingerprint()));
            // a signature covers the body, never a header: anyone holding a signed mail of the reporter's could send
            // it again with an Autocrypt header of their own, so only a key in the signed body is vouched for
            boolean vouchedFor = vouched && !key.inAHeader();
            if (known.isEmpty() || same || vouchedFor) {
                keys.learn(env.connection(), new KnownKeyStore.KnownKey(address, key.fingerprint(), key.armored(),
                        key.source(), env.now()));
                env.note("learned the sender's OpenPGP key from " + key.source());
            } else {
                env.note("did not learn the OpenPGP key " + key.fingerprint() + " offered in " + key.source()
                        + ": another key is known for " + address + ", and " + (vouched
                                ? "no signature covers the header that offers it" : "the message is not signed by it"));
            }
        }
    }
}

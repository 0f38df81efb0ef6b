package org.sectriage.crypto;

import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.Step;
import org.sectriage.store.KnownKeyStore;

/**
 * Learns the public keys the sender offered for themselves ({@link FindOfferedKeys}), so that what
 * sectriage writes back about an encrypted report can be encrypted to them.
 */
public final class LearnReporterKey implements Step {

    private final KnownKeyStore keys = new KnownKeyStore();

    @Override
    public void apply(Envelope env) throws Exception {
        for (OfferedKey key : env.offeredKeys()) {
            keys.learn(env.connection(), new KnownKeyStore.KnownKey(env.parsed().from().normalized(),
                    key.fingerprint(), key.armored(), key.source(), env.now()));
            env.note("learned the sender's OpenPGP key from " + key.source());
        }
    }
}

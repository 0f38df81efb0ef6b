package org.sectriage.act;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.sectriage.config.SectriageConfig.AuthenticationMode;
import org.sectriage.config.SectriageConfig.MaintainerAuthentication;
import org.sectriage.crypto.KeyIds;
import org.sectriage.domain.EmailAddress;
import org.sectriage.parse.HeaderSet;

/**
 * Decides whether a message that claims to be from a maintainer is: an OpenPGP signature by that
 * maintainer's own configured key over the whole message, or a DKIM pass for the From domain (aligned,
 * relaxed) in an {@code Authentication-Results} header written by a trusted authserv-id (RFC 8601). A
 * signed part wrapped in unsigned content, a forwarded signed mail, or a signature by another key than
 * the From maintainer's does not count.
 */
public final class MaintainerAuthenticator {

    /** The outcome: authenticated (and how), or not (and why). */
    public record Verdict(boolean authenticated, String explanation) {
    }

    private final MaintainerAuthentication config;
    private final Map<String, PGPPublicKeyRing> keys;

    /** @param keys the maintainers' public keys, by normalized address */
    public MaintainerAuthenticator(MaintainerAuthentication config, Map<String, PGPPublicKeyRing> keys) {
        this.config = config;
        this.keys = Map.copyOf(keys);
    }

    /**
     * Whether {@code from} wrote the message with {@code headers} and the given signature facts.
     *
     * @param signature the signature's status: none, valid, invalid, unknown-key
     * @param signer    the fingerprint of the signing key, or null
     * @param whole     whether the signature covers the whole message
     */
    public Verdict check(EmailAddress from, HeaderSet headers, String signature, String signer, boolean whole) {
        AuthenticationMode mode = config.mode();
        if (mode == AuthenticationMode.FROM_ADDRESS) {
            return new Verdict(true, "From address only (maintainer-authentication.mode: from-address)");
        }
        String why;
        Optional<PGPPublicKeyRing> key = Optional.ofNullable(keys.get(from.normalized()));
        if ("valid".equals(signature) && whole && key.isPresent()
                && KeyIds.fingerprint(key.get().getPublicKey()).equalsIgnoreCase(signer)) {
            if (mode != AuthenticationMode.DKIM) {
                return new Verdict(true, "OpenPGP signature by " + signer);
            }
            why = "an OpenPGP signature, but maintainer-authentication.mode is dkim";
        } else if ("valid".equals(signature) && !whole) {
            why = "its signature covers only a part of it";
        } else if ("valid".equals(signature) && key.isPresent()) {
            why = "it is signed by key " + signer + ", not by " + from.address() + "'s configured key";
        } else if ("valid".equals(signature) || "unknown-key".equals(signature)) {
            why = key.isEmpty() ? "no public key is configured for " + from.address() : "it is signed by an unknown key";
        } else if ("invalid".equals(signature)) {
            why = "its signature does not verify";
        } else {
            why = "it is not signed";
        }
        if (mode == AuthenticationMode.SIGNATURE) {
            return new Verdict(false, why);
        }
        Optional<String> dkim = alignedDkimPass(from, headers.all("authentication-results"));
        if (dkim.isPresent()) {
            return new Verdict(true, "DKIM pass for " + dkim.get() + " from a trusted Authentication-Results");
        }
        return new Verdict(false, why + ", and it has no DKIM pass for " + from.domain()
                + " from a trusted authserv-id (" + String.join(", ", config.trustedAuthservIds()) + ")");
    }

    /** The signing domain of a trusted, aligned {@code dkim=pass} result, if there is one. */
    Optional<String> alignedDkimPass(EmailAddress from, List<String> authenticationResults) {
        String fromDomain = from.domain().toLowerCase(Locale.ROOT);
        for (String header : authenticationResults) {
            String[] parts = header.split(";");
            String authserv = parts[0].strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (config.trustedAuthservIds().stream().noneMatch(t -> t.equalsIgnoreCase(authserv))) {
                continue;
            }
            for (int i = 1; i < parts.length; i++) {
                String result = parts[i].strip().toLowerCase(Locale.ROOT);
                if (!result.matches("^dkim\\s*=\\s*pass\\b.*")) {
                    continue;
                }
                String domain = property(result, "header.d");
                if (domain == null) {
                    String identity = property(result, "header.i");
                    domain = identity == null ? null : identity.substring(identity.indexOf('@') + 1);
                }
                if (domain != null && domain.contains(".")
                        && (fromDomain.equals(domain) || fromDomain.endsWith("." + domain))) {
                    return Optional.of(domain);
                }
            }
        }
        return Optional.empty();
    }

    private static String property(String result, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(name)
                + "\\s*=\\s*\"?([^\\s\";]+)").matcher(result);
        return m.find() ? m.group(1) : null;
    }
}

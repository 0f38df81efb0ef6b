package org.sectriage.act;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.sectriage.domain.CaseEvent;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.SecurityCase;
import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.Step;
import org.sectriage.store.UsedSignatureStore;
import org.sectriage.threading.Maintainers;

/**
 * Lets a maintainer's message act on its case (commands, a reply relayed to the reporter) only when it
 * is authenticated ({@link MaintainerAuthenticator}). A signature is accepted once, and only for a case
 * its signed text names, so that a signed command mailed again, or to another case, changes nothing.
 * A message that claims to be from a maintainer and is not authenticated is held: recorded, not
 * relayed, nothing applied, and the maintainers are told.
 */
public final class AuthenticateMaintainer implements Step {

    public static final String HELD = "held-message-notice";

    private final MaintainerAuthenticator authenticator;
    private final MailTemplates templates;
    private final CaseMailContext context;
    private final Maintainers maintainers;
    private final MaintainerMail mail;
    private final UsedSignatureStore signatures = new UsedSignatureStore();

    public AuthenticateMaintainer(MaintainerAuthenticator authenticator, MailTemplates templates,
                                  CaseMailContext context, Maintainers maintainers, MaintainerMail mail) {
        this.authenticator = authenticator;
        this.templates = templates;
        this.context = context;
        this.maintainers = maintainers;
        this.mail = mail;
    }

    @Override
    public void apply(Envelope env) throws Exception {
        CaseId id = env.requireCase();
        MaintainerAuthenticator.Verdict verdict = authenticator.check(env.parsed().from(), env.parsed().headers(),
                env.signature(), env.signerFingerprint(), env.isSignedWhole());
        String refusal = null;
        if (verdict.authenticated() && verdict.explanation().startsWith("OpenPGP")) {
            refusal = signatureProblem(env, id);
        }
        if (verdict.authenticated() && refusal == null) {
            env.setAuthenticatedBy(verdict.explanation());
            return;
        }
        String why = refusal != null ? refusal : verdict.explanation();
        String sender = env.parsed().from().address();
        env.cases().addEvent(new CaseEvent(id, env.now(), sender, "maintainer-message-held",
                "not authenticated (" + why + "): nothing applied, nothing relayed"));
        SecurityCase sc = env.cases().find(id).orElseThrow();
        Map<String, Object> ctx = context.forCase(sc);
        ctx.put("claimedSender", sender);
        ctx.put("reason", why);
        mail.send(env.connection(), id, HELD, false, maintainers.addresses(),
                NotifyMaintainers.earlierMailToMaintainers(env.cases().messages(id)),
                withheld -> templates.render(MailTemplates.MAINTAINER_HELD, ctx));
        env.stop("held: a message claiming to be from maintainer " + sender + " was not authenticated: " + why);
    }

    /** Why an otherwise good signature does not authenticate these commands (a replay, another case), or null. */
    private String signatureProblem(Envelope env, CaseId id) throws Exception {
        byte[] readable = env.decrypted().orElse(null);
        if (readable == null) {
            try (InputStream in = env.openRaw()) {
                readable = in.readAllBytes();
            }
        }
        String text = new String(readable, StandardCharsets.ISO_8859_1);
        String body = env.parsed().bodyText() == null ? "" : env.parsed().bodyText();
        if (!id.isNamedIn(body)) {
            return "its signed text does not name " + id + " (reply to the case's mail, quoting it, or write the case"
                    + " id in the message), so the signature cannot be tied to this case";
        }
        if (env.signing().isPresent()) {
            // the signing itself, however it is carried (cleartext, PGP/MIME, inside an encrypted block made by
            // anyone, its unhashed area changed); what was recorded before signings were still counts
            String earlier = firstUse(env, id, recordedBefore(env, text));
            return earlier != null ? earlier : firstUse(env, id, "signing:" + env.signing().get());
        }
        return firstUse(env, id, recordedBefore(env, text));
    }

    /**
     * What a used signature was recorded by before its signing was: the packets inside the encryption, else its
     * armor, else the text. Neither names one signing: the same one can be carried otherwise.
     */
    private static String recordedBefore(Envelope env, String text) {
        if (!env.embeddedSignatures().isEmpty()) {
            StringBuilder packets = new StringBuilder();
            env.embeddedSignatures().packets().forEach(p -> packets.append(HexFormat.of().formatHex(p)));
            return packets.toString();
        }
        int begin = text.indexOf("-----BEGIN PGP SIGNATURE-----");
        int end = text.indexOf("-----END PGP SIGNATURE-----", Math.max(begin, 0));
        if (begin < 0 || end < 0) {
            return text;
        }
        return text.substring(begin, end).replaceAll("\\s+", "");
    }

    private String firstUse(Envelope env, CaseId id, String signatureText) throws Exception {
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(signatureText.getBytes(StandardCharsets.ISO_8859_1)));
        return signatures.use(env.connection(), digest, id.toString(), env.signerFingerprint(), env.now())
                .map(earlier -> "its signature was already used, on " + earlier + ": a signed message counts once")
                .orElse(null);
    }
}

package org.sectriage.act;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sectriage.command.CaseFile;
import org.sectriage.command.Credit;
import org.sectriage.domain.CaseEvent;
import org.sectriage.domain.CaseId;
import org.sectriage.pipeline.Envelope;
import org.sectriage.pipeline.Step;
import org.sectriage.relay.OwnLines;

/**
 * Records how the reporter wants to be credited, from a line of their own (not quoted) text:
 * {@code Credit: Name} or {@code no credit} (also "do not credit me", "anonymous"). The advisory credits
 * only by consent, or by the policy's default when the reporter said nothing.
 */
public final class RecordCreditPreference implements Step {

    private static final Pattern CREDIT = Pattern.compile("(?im)^[ \\t]*credit(?:[ \\t]+me)?(?:[ \\t]+as)?[ \\t]*:[ \\t]*(\\S.{0,200}?)[ \\t]*$");
    /**
     * A refusal of credit: a phrase that says so whatever follows it, or "no credit" and "anonymous" as the
     * answer itself (alone, or with "please", "needed", "thanks"), not as the first words of a sentence
     * about the issue ("No credit card is needed…", "Anonymous users can…").
     */
    private static final Pattern NO_CREDIT = Pattern.compile("(?imu)^[ \\t]*(?:"
            + "(?:please )?do not credit me\\b|don'?t credit me\\b|credit: *none\\b"
            + "|(?:please )?(?:keep me|(?:i'?d like|i want|i prefer) to (?:stay|remain)) anonymous\\b"
            + "|(?:no credit|anonymous)(?=[ \\t]*(?:$|[^\\p{L}\\p{N} \\t]"
            + "|(?:please|needed|necessary|required|thanks|thank you|for me)\\b)))");

    @Override
    public void apply(Envelope env) throws Exception {
        Optional<Credit> choice = preferenceInOwnText(env.parsed().bodyText(), env.parsed().attachedText());
        if (choice.isEmpty()) {
            return;
        }
        CaseId id = env.requireCase();
        CaseFile file = env.cases().caseFile(id).orElseThrow();
        if (file.credit().equals(choice.get())) {
            return;
        }
        env.cases().saveCaseFile(file.withCredit(choice.get()), env.now());
        env.cases().addEvent(new CaseEvent(id, env.now(), env.parsed().from().address(), "credit-preference",
                choice.get().choice() == Credit.Choice.DECLINED ? "the reporter asked not to be credited"
                        : "the reporter asked to be credited as given"));
    }

    /**
     * The preference the writer of {@code body} states in their own lines, not in what they quote, else the one
     * their attached text files state (a report sent as report.txt ends with its credit line as often as a mail).
     */
    static Optional<Credit> preferenceInOwnText(String body, String attachedText) {
        return preference(OwnLines.of(body)).or(() -> preference(OwnLines.of(attachedText)));
    }

    /** The reporter's preference in {@code text}, if it states one. */
    static Optional<Credit> preference(String text) {
        if (NO_CREDIT.matcher(text).find()) {
            return Optional.of(Credit.declined());
        }
        Matcher m = CREDIT.matcher(text);
        if (m.find()) {
            String name = m.group(1).strip();
            if (name.equalsIgnoreCase("none") || name.equalsIgnoreCase("no")) {
                return Optional.of(Credit.declined());
            }
            return Optional.of(Credit.as(name));
        }
        return Optional.empty();
    }
}

package org.sectriage.relay;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sectriage.domain.EmailAddress;

/**
 * The last safeguard of a relayed reply: the team's addresses never reach the reporter, and neither
 * does a line that names a team member the way a quote header or attribution does.
 */
final class PrivateAddresses {

    static final String WITHHELD = "[address withheld]";

    private static final Pattern HEADER_LINE = Pattern.compile(
            "(?iu)^\\s*\\*?(?:From|To|Cc|Von|An|De|À|Para|Da|A|Van|Aan|Från|Till|От|Кому|Копия|Від|Od|Komu|Kopie"
                    + "|Kimden|Kime|Feladó|Címzett|Lähettäjä|Vastaanottaja|Nadawca|Do|DW|差出人|宛先|发件人|收件人|抄送)"
                    + "\\s?[:：].*");

    private final List<Pattern> addresses = new ArrayList<>();
    private final List<Pattern> names = new ArrayList<>();

    PrivateAddresses(Collection<EmailAddress> team) {
        for (EmailAddress member : team) {
            addresses.add(Pattern.compile("<?(?:mailto:)?" + Pattern.quote(member.address()) + ">?",
                    Pattern.CASE_INSENSITIVE));
            if (member.displayName() != null) {
                names.add(Pattern.compile("\\b" + Pattern.quote(member.displayName()) + "\\b",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            }
        }
    }

    /**
     * {@code line} as it may be relayed: null when it names a team member and reads like a header or
     * an attribution (it ends with ':' or starts with a header name); else with every team address
     * replaced by {@value #WITHHELD}.
     */
    String clean(String line) {
        boolean headerLike = line.strip().endsWith(":") || HEADER_LINE.matcher(line).matches();
        boolean namesMember = names.stream().anyMatch(name -> name.matcher(line).find());
        String cleaned = line;
        for (Pattern address : addresses) {
            Matcher m = address.matcher(cleaned);
            if (m.find()) {
                namesMember = true;
                cleaned = m.replaceAll(Matcher.quoteReplacement(WITHHELD));
            }
        }
        return namesMember && headerLike ? null : cleaned;
    }
}

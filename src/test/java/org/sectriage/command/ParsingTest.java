package org.sectriage.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sectriage.command.CommandTesting.COMMANDS;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the commands at the top of a reply are read: where they end, and what is wrong with bad ones. */
class ParsingTest {

    private List<String> keywords(String reply) {
        ParsedCommands parsed = COMMANDS.parse(reply);
        assertThat(parsed).isInstanceOf(ParsedCommands.Valid.class);
        return ((ParsedCommands.Valid) parsed).invocations().stream().map(Invocation::keyword).toList();
    }

    private List<String> errors(String reply) {
        ParsedCommands parsed = COMMANDS.parse(reply);
        assertThat(parsed).isInstanceOf(ParsedCommands.Invalid.class);
        return ((ParsedCommands.Invalid) parsed).errors().stream().map(CommandError::toString).toList();
    }

    @Test
    void commandsAreReadOnePerLineUntilTheFirstLineThatIsNotACommand() {
        assertThat(keywords("#confirm\n#severity high\nThanks, we can reproduce it.\n#close\n"))
                .containsExactly("confirm", "severity");
    }

    @Test
    void blankLinesBeforeAndBetweenCommandsDoNotEndTheBlock() {
        assertThat(keywords("\n\n#confirm\n\n#severity high\n\nThanks.")).containsExactly("confirm", "severity");
    }

    @Test
    void keywordsAreReadInAnyCaseAndWithLeadingBlanksAsPhonesWriteThem() {
        assertThat(keywords("  #Confirm\r\n#SEVERITY high\r\n")).containsExactly("confirm", "severity");
    }

    @Test
    void noBreakSpacesAndInvisibleCharactersThatMailClientsWriteDoNotHideACommand() {
        assertThat(keywords("#internal\u00a0\nSam: do not tell the reporter yet.")).containsExactly("internal");
        assertThat(keywords("\uFEFF#confirm\n\u200B#severity\u00a0high\n")).containsExactly("confirm", "severity");
        assertThat(keywords("#reject\u202FNot a vulnerability.\n")).containsExactly("reject");
    }

    @Test
    void theCommandsOfAClearsignedReplyAreAtTheTopOfTheTextItSigns() {
        String reply = org.sectriage.parse.MailFixtures
                .parse("replies/mutt-inline-pgp-clearsigned-with-command-and-signature.eml").bodyText();

        assertThat(keywords(reply)).containsExactly("confirm");
    }

    @Test
    void aReasonThunderbirdWrappedWithASoftLineBreakIsReadWhole() {
        String reply = org.sectriage.parse.MailFixtures
                .parse("replies/thunderbird-flowed-reject-reason-over-two-lines.eml").bodyText();
        ParsedCommands parsed = COMMANDS.parse(reply);

        assertThat(parsed).isInstanceOf(ParsedCommands.Valid.class);
        assertThat(((ParsedCommands.Valid) parsed).invocations()).map(Invocation::text).containsExactly(
                "#reject This is the documented behaviour of the debug file handler, which is disabled in every"
                        + " release build; see docs/security.md, section 3.");
    }

    @Test
    void aReasonThatAPlainTextClientWrappedAtItsLineWidthIsReadWhole() {
        String mutt = "#reject This needs an authenticated administrator session, which our threat\n"
                + "model treats as trusted; see docs/security.md, section 3, for what we count\n"
                + "as a vulnerability.\n\nHi Alex,\n\nthanks all the same.\n";
        ParsedCommands parsed = COMMANDS.parse(mutt);

        assertThat(((ParsedCommands.Valid) parsed).invocations()).map(Invocation::text).containsExactly(
                "#reject This needs an authenticated administrator session, which our threat model treats as"
                        + " trusted; see docs/security.md, section 3, for what we count as a vulnerability.");
        assertThat(CommandBlock.of(mutt).firstTextLine()).isEqualTo(4);
    }

    @Test
    void aShortCommandLineOrOneBeforeAQuoteOrSignatureIsNotJoinedToTheLineBelowIt() {
        assertThat(CommandBlock.of("#reject not reproducible on 2.4.1\nHi Alex, sorry.").lines())
                .map(CommandBlock.Line::argument).containsExactly("not reproducible on 2.4.1");
        String longReason = "#reject This needs an authenticated administrator session, as documented.";
        for (String below : List.of("On 12/6/26 10:00, Example Security wrote:", "> New security report", "-- ")) {
            assertThat(CommandBlock.of(longReason + "\n" + below + "\n").lines()).as(below)
                    .map(CommandBlock.Line::text).containsExactly(longReason);
        }
    }

    @Test
    void aReplyWithoutCommandsIsAnEmptyValidList() {
        assertThat(keywords("Hi Alex,\n\nthanks for the report.\n#confirm")).isEmpty();
        assertThat(keywords("")).isEmpty();
    }

    @Test
    void aLineThatMerelyStartsWithAHashEndsTheBlockWithoutAnError() {
        assertThat(keywords("#confirm\n# Steps\n#1 is the worst")).containsExactly("confirm");
    }

    @Test
    void aMissingReasonNamesTheLineTheProblemAndTheSyntax() {
        assertThat(errors("#confirm\n#reject\n")).containsExactly("line 2: #reject needs a reason: #reject <reason>");
    }

    @Test
    void anUnknownCommandAtTheTopIsAnErrorWithTheNearestCommandSuggested() {
        assertThat(errors("#confrim\n#frobnicate"))
                .containsExactly("line 1: #confrim is not a command; did you mean #confirm? #help lists every command",
                        "line 2: #frobnicate is not a command; #help lists every command");
    }

    @Test
    void everyBadLineIsReportedAtOnce() {
        assertThat(errors("#severity urgent\n#cwe XSS\n#embargo 2026-02-30\n#fixed 2.4.1 and 2.3.9\n#duplicate 42\n"
                + "#cvss CVSS:3.1/AV:N/AC:L\n#credit \"\"\n#confirm now"))
                .containsExactly(
                        "line 1: #severity needs critical, high, medium or low, not 'urgent': #severity critical|high|medium|low",
                        "line 2: #cwe needs CWE ids like CWE-79, not 'XSS': #cwe CWE-<id> [CWE-<id> ...]",
                        "line 3: #embargo needs a real date written YYYY-MM-DD, not '2026-02-30': #embargo <YYYY-MM-DD>",
                        "line 4: #fixed needs one version such as 2.4.1, not '2.4.1 and 2.3.9': #fixed <version>",
                        "line 5: #duplicate needs a case id like SEC-2026-0042, not '42': #duplicate SEC-YYYY-NNNN",
                        "line 6: #cvss needs a complete, valid CVSS 3.0, 3.1 or 4.0 vector, not 'CVSS:3.1/AV:N/AC:L':"
                                + " #cvss <vector>",
                        "line 7: #credit needs the name to credit, in quotes: #credit \"<name>\"",
                        "line 8: #confirm takes nothing after it: #confirm");
    }

    @Test
    void theBlockTellsWhereTheMaintainersTextBegins() {
        CommandBlock block = CommandBlock.of("#confirm\n#internal\nNote for the team.\n> quoted");

        assertThat(block.firstTextLine()).isEqualTo(3);
        assertThat(block.remainder()).isEqualTo("Note for the team.\n> quoted");
    }

    @Test
    void helpListsEveryCommandWithItsSyntax() {
        String help = COMMANDS.helpText();

        assertThat(COMMANDS.registry().keywords()).hasSize(18);
        for (String keyword : COMMANDS.registry().keywords()) {
            assertThat(help).contains("#" + keyword);
        }
        assertThat(help).contains("#reject <reason>", "#duplicate SEC-YYYY-NNNN", "#severity critical|high|medium|low",
                "#cvss <vector>", "#cwe CWE-<id>", "#assign <maintainer name or email>", "#fixed <version>",
                "#embargo <YYYY-MM-DD>", "#credit \"<name>\"", "#no-credit", "#waiting", "#internal", "#help");
    }
}

package org.sectriage.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Plain text sent format=flowed (RFC 3676) read as its writer typed it. */
class FlowedTextTest {

    @Test
    void linesEndingInASpaceAreOneLineWithTheNextTheOthersEndTheirParagraph() {
        assertThat(FlowedText.decode("#reject This is the documented \r\nbehaviour.\r\n\r\nThanks, \r\nMaria\r\n", false))
                .isEqualTo("#reject This is the documented behaviour.\n\nThanks, Maria\n");
    }

    @Test
    void withDelSpTheSpaceBeforeASoftBreakIsTheClientsAndIsTakenOff() {
        assertThat(FlowedText.decode("super \ncalifragilistic\n", true)).isEqualTo("supercalifragilistic\n");
    }

    @Test
    void quotedLinesAreJoinedOnlyWithinTheirQuoteDepthAndKeepItAsAPrefix() {
        assertThat(FlowedText.decode(">> first level two \n> level one \n>one more\nnew text\n", false))
                .isEqualTo(">> first level two \n> level one one more\nnew text\n");
    }

    @Test
    void spaceStuffingIsTakenOffAndTheSignatureSeparatorStaysALineOfItsOwn() {
        assertThat(FlowedText.decode("  indented\n From here\n-- \nMaria Berg\n", false))
                .isEqualTo(" indented\nFrom here\n-- \nMaria Berg\n");
    }

    @Test
    void aSoftBreakOnTheLastLineEndsTheText() {
        assertThat(FlowedText.decode("no newline at the end ", false)).isEqualTo("no newline at the end ");
    }

    @Test
    void aLineThatBeginsLikeACommandIsNeverJoinedToTheOneBeforeIt() {
        assertThat(FlowedText.decode("#reject Not in our code. \n#internal\nSam: see 2025-03.\n", false))
                .isEqualTo("#reject Not in our code. \n#internal\nSam: see 2025-03.\n");
        assertThat(FlowedText.decode("Thanks, we can reproduce it. \n#internal\n", false))
                .isEqualTo("Thanks, we can reproduce it. \n#internal\n");
    }

    @Test
    void theSignatureSeparatorEndsAParagraphThatASoftBreakLeftOpen() {
        assertThat(FlowedText.decode("Thanks, we are on it. \n-- \nMaria Berg\n", true))
                .isEqualTo("Thanks, we are on it.\n-- \nMaria Berg\n");
    }
}

package org.sectriage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding armored blocks in text, quoted or not, in time that grows with the text, not with its square. */
class ArmoredMessageBlocksTest {

    private static final String EMPTY_BLOCK = ArmoredMessageBlocks.BEGIN + ArmoredMessageBlocks.END;

    @Test
    void findsTheBlocksOfAHostileTextOfManyBlocksOnOneLineInLinearTime() {
        // 2 MB on one line: reading the line again from its start for each block took minutes
        String text = "x" + EMPTY_BLOCK.repeat(40_000);

        List<ArmoredMessageBlocks.Block> blocks = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> ArmoredMessageBlocks.find(text, false));

        assertThat(blocks).hasSize(40_000).noneMatch(ArmoredMessageBlocks.Block::quoted);
    }

    @Test
    void findsTheBlocksOfAHostileHtmlPartOfManyBlocksInLinearTime() {
        // 2 MB of HTML: reading all before each block again for blockquote tags took minutes
        String html = "<blockquote><p>x</p></blockquote>" + EMPTY_BLOCK.repeat(40_000);

        List<ArmoredMessageBlocks.Block> blocks = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> ArmoredMessageBlocks.find(html, true));

        assertThat(blocks).hasSize(40_000).noneMatch(ArmoredMessageBlocks.Block::quoted);
    }

    @Test
    void tellsABlockInsideABlockquoteFromOnesAfterItClosed() {
        String html = "<div>" + EMPTY_BLOCK + "</div><blockquote type=cite><blockquote>" + EMPTY_BLOCK
                + "</blockquote>" + EMPTY_BLOCK + "</ BLOCKQUOTE><p>" + EMPTY_BLOCK + "</p>";

        assertThat(ArmoredMessageBlocks.find(html, true)).extracting(ArmoredMessageBlocks.Block::quoted)
                .containsExactly(false, true, true, false);
    }

    @Test
    void tellsAQuotedBlockByTheQuoteMarksAloneBeforeItOnItsLine() {
        String text = "On Monday Kim wrote:\r\n> > " + ArmoredMessageBlocks.BEGIN + "\r\n> > \r\n> > "
                + ArmoredMessageBlocks.END + "\r\nsee > " + EMPTY_BLOCK + "\n" + EMPTY_BLOCK;

        List<ArmoredMessageBlocks.Block> blocks = ArmoredMessageBlocks.find(text, false);

        assertThat(blocks).extracting(ArmoredMessageBlocks.Block::quotePrefix).containsExactly("> > ", "", "");
    }
}

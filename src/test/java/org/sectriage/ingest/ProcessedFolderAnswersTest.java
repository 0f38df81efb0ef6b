package org.sectriage.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.iap.Response;
import org.junit.jupiter.api.Test;

/** The server's answers to the CREATE of the processed folder, as Jakarta Mail hands them on. */
class ProcessedFolderAnswersTest {

    @Test
    void dovecotsAnswerThatTheFolderExistsAlreadyIsNoRefusal() {
        // Dovecot's answer to CREATE of a folder that LIST did not show, wrapped as IMAPFolder.doCommand wraps it
        CommandFailedException answer = new CommandFailedException(
                new Response("A7 NO [ALREADYEXISTS] Mailbox already exists (0.001 + 0.000 secs)."));

        assertThat(ProcessedFolder.alreadyExists(new MessagingException(answer.getMessage(), answer))).isTrue();
    }

    @Test
    void aRefusalForAnyOtherReasonIsOne() {
        CommandFailedException answer = new CommandFailedException(
                new Response("A7 NO [CANNOT] Invalid mailbox name: Name must not have '/' characters (0.001 secs)."));

        assertThat(ProcessedFolder.alreadyExists(new MessagingException(answer.getMessage(), answer))).isFalse();
    }
}

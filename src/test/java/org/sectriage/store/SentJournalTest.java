package org.sectriage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox's journal of accepted mail: what a crash leaves in it is read back, whatever state it is in. */
class SentJournalTest {

    private static final Instant AT = Instant.parse("2026-12-03T08:15:30.250Z");

    @TempDir
    Path dir;

    @Test
    void whatIsAppendedIsReadBackInOrderAfterTheFileIsReopened() throws IOException {
        Path file = dir.resolve("sectriage" + SentJournal.SUFFIX);
        try (SentJournal journal = SentJournal.open(file)) {
            journal.append(new SentJournal.Entry(7, AT, null));
            journal.append(new SentJournal.Entry(8, AT.plusMillis(1), "a@x.example (550 no\tsuch\nuser), b@y.example"));
        }
        try (SentJournal reopened = SentJournal.open(file)) {
            assertThat(reopened.entries()).containsExactly(
                    new SentJournal.Entry(7, AT, null),
                    new SentJournal.Entry(8, AT.plusMillis(1), "a@x.example (550 no\tsuch\nuser), b@y.example"));
        }
    }

    @Test
    void aLastLineCutByACrashIsLeftOutAndTheLinesBeforeItAreKept() throws IOException {
        Path file = dir.resolve("cut" + SentJournal.SUFFIX);
        try (SentJournal journal = SentJournal.open(file)) {
            journal.append(new SentJournal.Entry(1, AT, null));
        }
        Files.write(file, "2\t17648".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        try (SentJournal journal = SentJournal.open(file)) {
            assertThat(journal.entries()).containsExactly(new SentJournal.Entry(1, AT, null));
        }
    }

    @Test
    void aLineThatCannotBeReadIsLeftOutAndTheOthersAreKept() throws IOException {
        Path file = dir.resolve("garbled" + SentJournal.SUFFIX);
        Files.write(file, ("1\t" + AT.toEpochMilli() + "\t\n" + "x\0y\n" + "3\tsoon\t\n" + "4\t" + AT.toEpochMilli()
                + "\t\n").getBytes(StandardCharsets.UTF_8));
        try (SentJournal journal = SentJournal.open(file)) {
            assertThat(journal.entries()).extracting(SentJournal.Entry::id).containsExactly(1L, 4L);
        }
    }

    @Test
    void afterClearingItIsEmptyAndTakesNewLinesFromTheStart() throws IOException {
        Path file = dir.resolve("cleared" + SentJournal.SUFFIX);
        try (SentJournal journal = SentJournal.open(file)) {
            journal.append(new SentJournal.Entry(1, AT, null));
            journal.append(new SentJournal.Entry(2, AT, null));
            journal.clear();
            assertThat(journal.entries()).isEmpty();
            assertThat(Files.size(file)).isZero();

            journal.append(new SentJournal.Entry(3, AT, null));
            assertThat(journal.entries()).containsExactly(new SentJournal.Entry(3, AT, null));
            assertThat(Files.readString(file)).isEqualTo("3\t" + AT.toEpochMilli() + "\t\n");
        }
    }

    @Test
    void theJournalOfAFileDatabaseLiesBesideItsFile() throws IOException {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("sectriage") + ";MODE=REGULAR", "sectriage", null);
             SentJournal journal = SentJournal.of(db)) {
            assertThat(journal.durable()).isTrue();
            journal.append(new SentJournal.Entry(5, AT, null));
        }
        assertThat(dir.resolve("sectriage.sent-journal")).hasContent("5\t" + AT.toEpochMilli() + "\t");
    }

    @Test
    void aDatabaseThatIsNoLocalFileHasAJournalThatIsNotDurable() {
        try (Database db = Database.open("jdbc:h2:mem:journal-test", "sectriage", null);
             SentJournal journal = SentJournal.of(db)) {
            assertThat(journal.durable()).isFalse();
        }
    }

    @Test
    void theFileOfADatabaseIsReadFromItsUrl() {
        assertThat(Database.fileOf("jdbc:h2:file:/var/lib/sectriage/sectriage")).contains(
                Path.of("/var/lib/sectriage/sectriage"));
        assertThat(Database.fileOf("jdbc:h2:file:retry:/srv/db/cases;IFEXISTS=TRUE")).contains(Path.of("/srv/db/cases"));
        assertThat(Database.fileOf("jdbc:h2:file:~/sectriage")).contains(
                Path.of(System.getProperty("user.home"), "sectriage"));
        assertThat(Database.fileOf("jdbc:h2:file:./data/sectriage")).contains(
                Path.of("data/sectriage").toAbsolutePath());
        assertThat(Database.fileOf("jdbc:h2:mem:x")).isEmpty();
        assertThat(Database.fileOf("jdbc:h2:tcp://db.example/sectriage")).isEmpty();
    }
}

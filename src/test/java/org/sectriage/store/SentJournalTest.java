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
    private static final String REFUSED = "a@x.example (550 no\tsuch\nuser), b@y.example";
    /** The start of a line, its write cut short by a crash of the machine. */
    private static final byte[] CUT_LINE = "2\t%3Cm2%40project.example%3E\t17648".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void whatIsAppendedIsReadBackInOrderAfterTheFileIsReopened() throws IOException {
        Path file = dir.resolve("sectriage" + SentJournal.SUFFIX);
        try (SentJournal journal = SentJournal.open(file)) {
            journal.append(new SentJournal.Entry(7, "<m7@project.example>", AT, null));
            journal.append(new SentJournal.Entry(8, "<m8@project.example>", AT.plusMillis(1), REFUSED));
        }
        try (SentJournal reopened = SentJournal.open(file)) {
            assertThat(reopened.entries()).containsExactly(
                    new SentJournal.Entry(7, "<m7@project.example>", AT, null),
                    new SentJournal.Entry(8, "<m8@project.example>", AT.plusMillis(1), REFUSED));
        }
    }

    @Test
    void theRecipientsAMailIsToBeTriedAgainForAreReadBackWithIt() throws IOException {
        Path file = dir.resolve("deferred" + SentJournal.SUFFIX);
        SentJournal.Entry deferred = new SentJournal.Entry(9, "<m9@project.example>", AT,
                "kim@x.example (450 4.2.0 try again later), lee@x.example (452 4.2.2 mailbox full)",
                java.util.List.of("kim@x.example", "lee@x.example"));
        try (SentJournal journal = SentJournal.open(file)) {
            journal.append(deferred);
            journal.append(new SentJournal.Entry(10, "<m10@project.example>", AT, REFUSED));
        }
        try (SentJournal reopened = SentJournal.open(file)) {
            assertThat(reopened.entries()).containsExactly(deferred,
                    new SentJournal.Entry(10, "<m10@project.example>", AT, REFUSED));
        }
    }

    @Test
    void aLineCutInsideItsRecipientsToTryAgainIsLeftOutNotReadWithAShorterAddress() throws IOException {
        Path file = dir.resolve("cut-deferred" + SentJournal.SUFFIX);
        // a line whose write a crash cut inside its last field, ended by the line end the next write puts first
        Files.writeString(file, "\n4\t%3Cm4%40project.example%3E\t1796285730250\tkim%40x.example+%28450%29\tkim%40x.ex"
                + "\n", StandardCharsets.UTF_8);
        try (SentJournal journal = SentJournal.open(file)) {
            journal.append(new SentJournal.Entry(5, "<m5@project.example>", AT, null));

            assertThat(journal.entries()).extracting(SentJournal.Entry::id).containsExactly(5L);
        }
    }

    @Test
    void aLastLineCutByACrashIsLeftOutAndTheLinesBeforeItAreKept() throws IOException {
        Path file = dir.resolve("cut" + SentJournal.SUFFIX);
        try (SentJournal journal = SentJournal.open(file)) {
            journal.append(new SentJournal.Entry(1, "<m1@project.example>", AT, null));
        }
        Files.write(file, CUT_LINE, StandardOpenOption.APPEND);
        try (SentJournal journal = SentJournal.open(file)) {
            assertThat(journal.entries()).containsExactly(new SentJournal.Entry(1, "<m1@project.example>", AT, null));
        }
    }

    @Test
    void aLineAppendedAfterACutOneIsReadBackWhole() throws IOException {
        try (SentJournal journal = SentJournal.open(Files.write(dir.resolve("cut-then-more"), CUT_LINE))) {
            journal.append(new SentJournal.Entry(3, "<m3@project.example>", AT, null));

            assertThat(journal.entries()).containsExactly(new SentJournal.Entry(3, "<m3@project.example>", AT, null));
        }
    }

    @Test
    void aFileHoldingOnlyALineThatCannotBeReadIsEmptiedByClearing() throws IOException {
        Path file = Files.write(dir.resolve("only-cut"), CUT_LINE);
        try (SentJournal journal = SentJournal.open(file)) {
            assertThat(journal.entries()).isEmpty();
            journal.clear();
            assertThat(Files.size(file)).isZero();
        }
    }

    @Test
    void aLineThatCannotBeReadIsLeftOutAndTheOthersAreKept() throws IOException {
        Path file = dir.resolve("garbled" + SentJournal.SUFFIX);
        Files.write(file, ("1\t<m1@x>\t" + AT.toEpochMilli() + "\t\n" + "x\0y\n" + "3\t<m3@x>\tsoon\t\n"
                + "5\t\t" + AT.toEpochMilli() + "\t\n" + "6\t<m6@x>\t" + AT.toEpochMilli() + "\t%zz\n"
                + "4\t<m4@x>\t" + AT.toEpochMilli() + "\t\n").getBytes(StandardCharsets.UTF_8));
        try (SentJournal journal = SentJournal.open(file)) {
            assertThat(journal.entries()).extracting(SentJournal.Entry::id).containsExactly(1L, 4L);
        }
    }

    @Test
    void afterClearingItIsEmptyAndTakesNewLinesFromTheStart() throws IOException {
        Path file = dir.resolve("cleared" + SentJournal.SUFFIX);
        try (SentJournal journal = SentJournal.open(file)) {
            journal.append(new SentJournal.Entry(1, "<m1@project.example>", AT, null));
            journal.append(new SentJournal.Entry(2, "<m2@project.example>", AT, null));
            journal.clear();
            assertThat(journal.entries()).isEmpty();
            assertThat(Files.size(file)).isZero();

            journal.append(new SentJournal.Entry(3, "<m3@project.example>", AT, null));
            assertThat(journal.entries()).containsExactly(new SentJournal.Entry(3, "<m3@project.example>", AT, null));
            assertThat(Files.readString(file))
                    .isEqualTo("\n3\t%3Cm3%40project.example%3E\t" + AT.toEpochMilli() + "\t\n");
        }
    }

    @Test
    void theJournalOfAFileDatabaseLiesBesideItsFile() throws IOException {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("sectriage") + ";MODE=REGULAR", "sectriage",
                null);
             SentJournal journal = SentJournal.of(db)) {
            assertThat(journal.durable()).isTrue();
            journal.append(new SentJournal.Entry(5, "<m5@project.example>", AT, null));
        }
        assertThat(dir.resolve("sectriage.sent-journal"))
                .hasContent("\n5\t%3Cm5%40project.example%3E\t" + AT.toEpochMilli() + "\t");
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
        assertThat(Database.fileOf("jdbc:h2:file:retry:/srv/db/cases;IFEXISTS=TRUE"))
                .contains(Path.of("/srv/db/cases"));
        assertThat(Database.fileOf("jdbc:h2:file:~/sectriage")).contains(
                Path.of(System.getProperty("user.home"), "sectriage"));
        assertThat(Database.fileOf("jdbc:h2:file:./data/sectriage")).contains(
                Path.of("data/sectriage").toAbsolutePath());
        assertThat(Database.fileOf("jdbc:h2:file:split:28:/srv/db/cases")).contains(Path.of("/srv/db/cases"));
        assertThat(Database.fileOf("jdbc:h2:/srv/db/cases;MODE=REGULAR")).contains(Path.of("/srv/db/cases"));
        assertThat(Database.fileOf("JDBC:H2:FILE:/srv/db/cases")).contains(Path.of("/srv/db/cases"));
        assertThat(Database.fileOf("jdbc:h2:mem:x")).isEmpty();
        assertThat(Database.fileOf("jdbc:h2:ssl://db.example/sectriage")).isEmpty();
        assertThat(Database.fileOf("jdbc:h2:tcp://db.example/sectriage")).isEmpty();
    }
}

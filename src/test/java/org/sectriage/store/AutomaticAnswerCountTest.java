package org.sectriage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.testing.DatabaseFile;

/** The count of automatic answers behind the per-hour cap in all: exact to the instant, whatever its size. */
class AutomaticAnswerCountTest {

    private static final String ACK = "acknowledgement";
    private static final Instant NOW = Instant.parse("2026-12-02T12:30:20Z");
    private static final Instant HOUR_AGO = NOW.minus(Duration.ofHours(1));

    @TempDir
    Path dir;
    private Database db;
    private final OutboxStore store = new OutboxStore();
    private int mails;

    @BeforeEach
    void open() {
        db = DatabaseFile.in(dir).open();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void answersQueuedBeforeTheWindowAreNotCountedEvenInTheWindowsFirstMinute() {
        queue(ACK, HOUR_AGO.minusSeconds(1));        // 11:30:19, a second too early
        queue(ACK, HOUR_AGO.minusSeconds(20));       // 11:30:00, the same minute, earlier still
        queue(ACK, HOUR_AGO);                        // 11:30:20, the first instant of the window
        queue(ACK, HOUR_AGO.plusSeconds(39));        // 11:30:59
        queue(ACK, HOUR_AGO.plusSeconds(40));        // 11:31:00, the first whole minute
        queue(ACK, NOW);

        assertThat(countSince(ACK, HOUR_AGO, 100)).isEqualTo(4);
    }

    @Test
    void eachPurposeIsCountedOnItsOwn() {
        queue(ACK, NOW.minusSeconds(5));
        queue("tracker-answer", NOW.minusSeconds(5));
        queue("tracker-answer", NOW);

        assertThat(countSince(ACK, HOUR_AGO, 100)).isEqualTo(1);
        assertThat(countSince("tracker-answer", HOUR_AGO, 100)).isEqualTo(2);
    }

    @Test
    void theCountStopsAtWhatTheCapNeeds() {
        for (int i = 0; i < 7; i++) {
            queue(ACK, NOW.minusSeconds(i * 300L));
        }

        assertThat(countSince(ACK, HOUR_AGO, 5)).isEqualTo(5);
        assertThat(countSince(ACK, HOUR_AGO, 100)).isEqualTo(7);
    }

    @Test
    void anAnswerRolledBackWithItsTransactionIsNotCounted() {
        try {
            db.run(c -> {
                insertAndCount(c, ACK, NOW);
                throw new IllegalStateException("a later step failed");
            });
        } catch (IllegalStateException expected) {
            // the message's transaction is rolled back, its answer with it
        }
        queue(ACK, NOW);

        assertThat(countSince(ACK, HOUR_AGO, 100)).isEqualTo(1);
    }

    @Test
    void minutesOlderThanADayAreDroppedWhenANewMinuteIsCounted() {
        queue(ACK, NOW.minus(Duration.ofDays(2)));
        queue(ACK, NOW.minus(Duration.ofHours(2)));
        queue(ACK, NOW);

        int minutesKept = db.inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM automatic_answer_count")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertThat(minutesKept).isEqualTo(2);
    }

    private void queue(String purpose, Instant at) {
        db.run(c -> insertAndCount(c, purpose, at));
    }

    private void insertAndCount(Connection c, String purpose, Instant at) throws SQLException {
        int n = ++mails;
        store.insert(c, null, purpose, "<answer-" + n + "@project.example>", "security@project.example",
                List.of("r" + n + "@researcher.example"), new byte[] {'x'}, at);
        store.countAutomaticAnswer(c, purpose, at);
    }

    private int countSince(String purpose, Instant since, int atMost) {
        return db.inTransaction(c -> store.countAutomaticAnswersSince(c, purpose, since, atMost));
    }
}

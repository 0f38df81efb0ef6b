package org.sectriage.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which messages the server would not hand over are fetched alone, set aside, and tried again. */
class UnfetchableMessagesTest {

    private static final long VALIDITY = 7;
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private final UnfetchableMessages unfetchable = new UnfetchableMessages();

    @Test
    void theMessagesOfABatchThatFailedAreFetchedAloneTheOthersTogether() {
        unfetchable.batchFailed(VALIDITY, List.of(4L, 5L));

        assertThat(unfetchable.fetchAlone(VALIDITY, 4)).isTrue();
        assertThat(unfetchable.fetchAlone(VALIDITY, 5)).isTrue();
        assertThat(unfetchable.fetchAlone(VALIDITY, 6)).isFalse();
        assertThat(unfetchable.fetchAlone(VALIDITY + 1, 4)).as("another UIDVALIDITY, another message").isFalse();
    }

    @Test
    void aMessageThatFailedAloneThreeTimesIsSetAsideForAnHourThenTriedAgain() {
        assertThat(unfetchable.failedAlone(VALIDITY, 4, NOW)).isFalse();
        assertThat(unfetchable.failedAlone(VALIDITY, 4, NOW)).isFalse();
        assertThat(unfetchable.isSetAside(VALIDITY, 4, NOW)).isFalse();
        assertThat(unfetchable.strikes(VALIDITY, 4)).isEqualTo(2);

        assertThat(unfetchable.failedAlone(VALIDITY, 4, NOW)).as("the third strike").isTrue();

        assertThat(unfetchable.isSetAside(VALIDITY, 4, NOW.plusSeconds(3599))).isTrue();
        assertThat(unfetchable.isSetAside(VALIDITY, 4, NOW.plusSeconds(3600))).isFalse();
        assertThat(unfetchable.strikes(VALIDITY, 4)).as("counted afresh after the hour").isZero();
        assertThat(unfetchable.fetchAlone(VALIDITY, 4)).isTrue();
    }

    @Test
    void aMessageHandedOverOrGoneFromTheFolderIsForgotten() {
        unfetchable.failedAlone(VALIDITY, 4, NOW);
        unfetchable.batchFailed(VALIDITY, List.of(5L, 6L));

        unfetchable.forget(VALIDITY, 4);
        unfetchable.retainOnly(VALIDITY, Set.of(5L));

        assertThat(unfetchable.strikes(VALIDITY, 4)).isZero();
        assertThat(unfetchable.fetchAlone(VALIDITY, 4)).isFalse();
        assertThat(unfetchable.fetchAlone(VALIDITY, 5)).isTrue();
        assertThat(unfetchable.fetchAlone(VALIDITY, 6)).isFalse();
    }
}

package org.sectriage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.parse.MimeParser;
import org.sectriage.parse.ParseLimits;
import org.sectriage.parse.ParseMime;
import org.sectriage.store.Database;
import org.sectriage.store.InboundStore;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.TestMail;
import org.sectriage.threading.Maintainers;
import org.sectriage.threading.OpenCase;

/** A step that fails takes nothing with it: the message is set aside, its half-made case undone. */
class PipelineRunnerTest {

    @TempDir
    Path dir;

    private Database db;
    private CaseDatabase cases;
    private final InboundStore inbound = new InboundStore();
    private final List<String> reported = new ArrayList<>();

    @BeforeEach
    void openDatabase() {
        db = Database.open("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(), "sectriage", null);
        cases = new CaseDatabase(db);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void aFailingStepRollsBackTheCaseAndQuarantinesTheMessageWithTheReason() {
        long id = store("<one@researcher.example>");

        runner(failing(new IllegalStateException("template broken"))).process(id);

        assertThat(cases.cases()).isZero();
        assertThat(cases.inbound("quarantined")).isEqualTo(1);
        assertThat(cases.strings("SELECT status_detail FROM inbound_message").get(0))
                .contains("step", "IllegalStateException", "template broken");
        assertThat(reported).hasSize(1);
    }

    @Test
    void aStackOverflowInAStepQuarantinesTheMessageInsteadOfKillingTheDaemon() {
        long id = store("<deep@researcher.example>");

        runner(failing(new StackOverflowError())).process(id);

        assertThat(cases.inbound("quarantined")).isEqualTo(1);
    }

    @Test
    void aMessageThatInterruptedProcessingThreeTimesIsQuarantinedWithoutRunningAgain() {
        long id = store("<poison@researcher.example>");
        for (int i = 0; i < PipelineRunner.MAX_ATTEMPTS; i++) {
            db.inTransaction(c -> inbound.countAttempt(c, id)); // three starts that never finished
        }

        runner(Pipeline.builder().then(new ParseMime(new MimeParser(ParseLimits.defaults()), inbound))
                .then(new OpenCase(new Maintainers(List.of()), ZoneOffset.UTC)).build()).process(id);

        assertThat(cases.cases()).isZero();
        assertThat(cases.strings("SELECT status_detail FROM inbound_message").get(0)).contains("interrupted 3 times");
    }

    @Test
    void aRetriedMessageIsProcessedAgainWithAFreshCount() {
        long id = store("<retry@researcher.example>");
        runner(failing(new IllegalStateException("first time"))).process(id);

        boolean requeued = db.inTransaction(c -> inbound.retry(c, id, false));
        assertThat(requeued).isTrue();
        runner(Pipeline.builder().then(new ParseMime(new MimeParser(ParseLimits.defaults()), inbound))
                .then(new OpenCase(new Maintainers(List.of()), ZoneOffset.UTC)).build()).processPending(() -> true);

        assertThat(cases.cases()).isEqualTo(1);
        assertThat(cases.inbound("processed")).isEqualTo(1);
        boolean requeuedAgain = db.inTransaction(c -> inbound.retry(c, id, false));
        assertThat(requeuedAgain).as("only quarantined messages are retried").isFalse();
    }

    private Pipeline failing(Throwable failure) {
        return Pipeline.builder()
                .then(new ParseMime(new MimeParser(ParseLimits.defaults()), inbound))
                .then(new OpenCase(new Maintainers(List.of()), ZoneOffset.UTC))
                .then(env -> {
                    if (failure instanceof RuntimeException r) {
                        throw r;
                    }
                    throw (Error) failure;
                })
                .build();
    }

    private PipelineRunner runner(Pipeline pipeline) {
        return new PipelineRunner(pipeline, db, inbound, Clock.systemUTC(), () -> { },
                (c, message, reason) -> reported.add(reason));
    }

    private long store(String messageId) {
        byte[] raw = TestMail.bytes(TestMail.report().build());
        return db.inTransaction(c -> inbound.insert(c, new InboundStore.NewInbound("INBOX", 1, 1, messageId,
                "hash-" + messageId, raw.length, new ByteArrayInputStream(raw)), Instant.now()).orElseThrow());
    }
}

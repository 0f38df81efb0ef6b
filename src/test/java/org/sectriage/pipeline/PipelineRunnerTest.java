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
import org.sectriage.testing.DatabaseFile;
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
        db = DatabaseFile.in(dir).open();
        cases = new CaseDatabase(db);
    }

    private final List<PipelineRunner> runners = new ArrayList<>();

    @AfterEach
    void closeDatabase() {
        runners.forEach(PipelineRunner::close);
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

        runner(Pipeline.builder().then(new ParseMime(new MimeParser(ParseLimits.defaults())))
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
        runner(Pipeline.builder().then(new ParseMime(new MimeParser(ParseLimits.defaults())))
                .then(new OpenCase(new Maintainers(List.of()), ZoneOffset.UTC)).build()).processPending(() -> true);

        assertThat(cases.cases()).isEqualTo(1);
        assertThat(cases.inbound("processed")).isEqualTo(1);
        boolean requeuedAgain = db.inTransaction(c -> inbound.retry(c, id, false));
        assertThat(requeuedAgain).as("only quarantined messages are retried").isFalse();
    }

    @Test
    void messagesProcessedTogetherCommitTogetherExceptTheOneOnWhichAStepFailed() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(store("<group-" + i + "@researcher.example>", i + 1));
        }
        long failing = ids.get(2);

        runner(Pipeline.builder()
                .then(new ParseMime(new MimeParser(ParseLimits.defaults())))
                .then(new OpenCase(new Maintainers(List.of()), ZoneOffset.UTC))
                .then(env -> {
                    if (env.inbound().id() == failing) {
                        throw new IllegalStateException("template broken");
                    }
                })
                .build()).processPending(() -> true);

        assertThat(cases.cases()).as("the failed message's half-made case is undone, the others' kept").isEqualTo(4);
        assertThat(cases.inbound("processed")).isEqualTo(4);
        assertThat(cases.strings("SELECT status FROM inbound_message WHERE id = " + failing)).containsExactly("quarantined");
        assertThat(reported).hasSize(1);
    }

    @Test
    void aMessageThatInterruptedProcessingBeforeIsQuarantinedAloneAndTheRestOfItsGroupIsProcessed() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(store("<after-crash-" + i + "@researcher.example>", i + 1));
        }
        long poison = ids.get(1);
        for (int i = 0; i < PipelineRunner.MAX_ATTEMPTS; i++) {
            db.inTransaction(c -> inbound.countAttempt(c, poison)); // three starts that never finished
        }

        runner(Pipeline.builder().then(new ParseMime(new MimeParser(ParseLimits.defaults())))
                .then(new OpenCase(new Maintainers(List.of()), ZoneOffset.UTC)).build()).processPending(() -> true);

        assertThat(cases.cases()).isEqualTo(3);
        assertThat(cases.strings("SELECT status_detail FROM inbound_message WHERE id = " + poison).get(0))
                .contains("interrupted 3 times");
    }

    /** What a kill -9 does to the runner: it stops in the middle of a message, and nothing after runs. */
    static final class Killed extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void onlyTheMessageThatWasRunningWhenTheDaemonDiedIsChargedForTheDeath() {
        long first = store("<died-first@researcher.example>", 1);
        long poison = store("<died-poison@researcher.example>", 2);
        long last = store("<died-last@researcher.example>", 3);
        for (long id : List.of(first, poison, last)) {
            db.inTransaction(c -> inbound.countAttempt(c, id)); // their group was started and died
        }
        Pipeline killedOnThePoison = Pipeline.builder()
                .then(new ParseMime(new MimeParser(ParseLimits.defaults())))
                .then(env -> {
                    if (env.inbound().id() == poison) {
                        throw new Killed();
                    }
                })
                .then(new OpenCase(new Maintainers(List.of()), ZoneOffset.UTC))
                .build();

        for (int life = 0; life < PipelineRunner.MAX_ATTEMPTS; life++) {
            try {
                runner(killedOnThePoison).processPending(() -> true);
            } catch (Killed expected) {
                // the daemon died on the poison message; the next life starts
            }
        }

        assertThat(cases.strings("SELECT status FROM inbound_message WHERE id = " + poison)).containsExactly("quarantined");
        assertThat(cases.strings("SELECT status FROM inbound_message WHERE id = " + last))
                .as("the message after it never ran while the daemon died on the poison one").containsExactly("processed");
        assertThat(cases.cases()).isEqualTo(2);
    }

    /** A step that writes down the thread it ran on, for each message. */
    static final class RecordThread implements Step {
        final java.util.Map<Long, String> threads = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void apply(Envelope env) {
            threads.put(env.inbound().id(), Thread.currentThread().getName());
        }
    }

    @Test
    void stepsThatRunAheadRunOnThePoolAndTheOthersInOrderOnThePipelinesThread() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(store("<ahead-" + i + "@researcher.example>", i + 1));
        }
        RecordThread ahead = new RecordThread();
        List<Long> order = new ArrayList<>();
        List<String> transactionThreads = new ArrayList<>();

        runner(Pipeline.builder()
                .ahead(new ParseMime(new MimeParser(ParseLimits.defaults())))
                .ahead(ahead)
                .then(new OpenCase(new Maintainers(List.of()), ZoneOffset.UTC))
                .then(env -> {
                    order.add(env.inbound().id());
                    transactionThreads.add(Thread.currentThread().getName());
                })
                .build()).processPending(() -> true);

        assertThat(cases.inbound("processed")).isEqualTo(6);
        assertThat(ahead.threads.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(ahead.threads.values()).allMatch(name -> name.startsWith("sectriage-ahead-"));
        assertThat(order).as("the transaction's steps take the messages in the order they came").isEqualTo(ids);
        assertThat(transactionThreads).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void aStepThatRunsAheadCannotReachTheDatabaseAndOnlyItsMessageIsQuarantined() {
        long first = store("<ahead-ok@researcher.example>", 1);
        long wanting = store("<ahead-db@researcher.example>", 2);
        long last = store("<ahead-ok-too@researcher.example>", 3);
        Step askOnlyForTheSecond = env -> {
            if (env.inbound().id() == wanting) {
                env.connection();
            }
        };

        runner(Pipeline.builder()
                .ahead(new ParseMime(new MimeParser(ParseLimits.defaults())))
                .ahead(askOnlyForTheSecond)
                .then(new OpenCase(new Maintainers(List.of()), ZoneOffset.UTC))
                .build()).processPending(() -> true);

        assertThat(cases.strings("SELECT status FROM inbound_message WHERE id IN (?, ?)", first, last))
                .containsOnly("processed");
        assertThat(cases.strings("SELECT status_detail FROM inbound_message WHERE id = ?", wanting).get(0))
                .contains("asked for the database");
        assertThat(cases.cases()).isEqualTo(2);
    }

    @Test
    void aMessageTooLargeToHoldInMemoryRunsItsAheadStepsInItsTransaction() {
        byte[] large = TestMail.bytes(TestMail.report().body("A long log follows.\n"
                + "0123456789abcdef".repeat((int) PipelineRunner.IN_MEMORY_MAX / 16 + 1)).build());
        long small = store("<small@researcher.example>", 1);
        long id = db.inTransaction(c -> inbound.insert(c, new InboundStore.NewInbound("INBOX", 1, 2, "<large@r.example>",
                "hash-large", large.length, new ByteArrayInputStream(large)), Instant.now()).orElseThrow());
        RecordThread ahead = new RecordThread();

        runner(Pipeline.builder()
                .ahead(new ParseMime(new MimeParser(ParseLimits.defaults())))
                .ahead(ahead)
                .then(new OpenCase(new Maintainers(List.of()), ZoneOffset.UTC))
                .build()).processPending(() -> true);

        assertThat(cases.inbound("processed")).isEqualTo(2);
        assertThat(ahead.threads).containsEntry(id, Thread.currentThread().getName());
        assertThat(ahead.threads.get(small)).startsWith("sectriage-ahead-");
    }

    @Test
    void aMessageThatAStepAheadLeavesToTheTransactionGoesThroughAllItsStepsThereAndIsNotQuarantined() {
        long first = store("<ahead-fine@researcher.example>", 1);
        long large = store("<ahead-large@researcher.example>", 2);
        RecordThread ahead = new RecordThread();
        Step leaveTheSecond = env -> {
            ahead.apply(env);
            if (env.isAhead() && env.inbound().id() == large) {
                throw new RunInTransaction("needs more memory than a step ahead may take");
            }
        };

        runner(Pipeline.builder()
                .ahead(new ParseMime(new MimeParser(ParseLimits.defaults())))
                .ahead(leaveTheSecond)
                .then(new OpenCase(new Maintainers(List.of()), ZoneOffset.UTC))
                .build()).processPending(() -> true);

        assertThat(cases.inbound("processed")).isEqualTo(2);
        assertThat(reported).isEmpty();
        assertThat(ahead.threads.get(first)).startsWith("sectriage-ahead-");
        assertThat(ahead.threads).as("run again, in the transaction").containsEntry(large, Thread.currentThread().getName());
    }

    @Test
    void stepsThatRunAheadComeBeforeAllTheOthers() {
        Pipeline.Builder builder = Pipeline.builder().then(new OpenCase(new Maintainers(List.of()), ZoneOffset.UTC));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.ahead(new RecordThread()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("come before all the others");
    }

    private Pipeline failing(Throwable failure) {
        return Pipeline.builder()
                .then(new ParseMime(new MimeParser(ParseLimits.defaults())))
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
        PipelineRunner runner = new PipelineRunner(pipeline, db, inbound, Clock.systemUTC(), () -> { },
                (c, message, reason) -> reported.add(reason));
        runners.add(runner);
        return runner;
    }

    private long store(String messageId) {
        return store(messageId, 1);
    }

    private long store(String messageId, long uid) {
        byte[] raw = TestMail.bytes(TestMail.report().build());
        return db.inTransaction(c -> inbound.insert(c, new InboundStore.NewInbound("INBOX", 1, uid, messageId,
                "hash-" + messageId, raw.length, new ByteArrayInputStream(raw)), Instant.now()).orElseThrow());
    }
}

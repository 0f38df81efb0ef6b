package org.sectriage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

/** The pipeline's thread takes what the mailbox watcher stored as soon as it is told, while the watcher goes on. */
class PipelineWorkerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Database db;
    private CaseDatabase cases;
    private final InboundStore inbound = new InboundStore();
    private PipelineRunner runner;
    private PipelineWorker worker;
    private Thread thread;

    @BeforeEach
    void openDatabase() {
        db = DatabaseFile.in(dir).open();
        cases = new CaseDatabase(db);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (worker != null) {
            worker.stop();
            thread.join(PATIENCE.toMillis());
        }
        if (runner != null) {
            runner.close();
        }
        db.close();
    }

    @Test
    void whatWasStoredBeforeTheStartIsProcessedWithoutASignal() {
        store(1);
        store(2);

        start(opensCases());

        await().atMost(PATIENCE).until(() -> cases.cases() == 2);
        assertThat(cases.inbound("processed")).isEqualTo(2);
    }

    @Test
    void theMailboxCanWaitUntilWhatWasStoredBeforeTheStartIsProcessed() {
        store(1);
        store(2);

        start(opensCases());

        assertThat(worker.awaitFirstRound()).isTrue();
        assertThat(cases.inbound("processed")).as("processed when the wait ends, not later").isEqualTo(2);
    }

    @Test
    void mailStoredLaterIsProcessedWhenTheWorkerIsTold() {
        start(opensCases());
        await().atMost(PATIENCE).until(() -> worker.rounds() > 0);

        store(1);
        worker.mailStored();

        await().atMost(PATIENCE).until(() -> cases.cases() == 1);
    }

    @Test
    void mailStoredWhileAGroupIsBeingProcessedIsTakenRightAfterIt() throws InterruptedException {
        CountDownLatch inFirstGroup = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        Step holdsTheFirstMessage = env -> {
            if (inFirstGroup.getCount() > 0) {
                inFirstGroup.countDown();
                goOn.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            }
        };
        store(1);
        start(Pipeline.builder().then(holdsTheFirstMessage).then(new ParseMime(new MimeParser(ParseLimits.defaults())))
                .then(new OpenCase(new Maintainers(List.of()), ZoneOffset.UTC)).build());
        assertThat(inFirstGroup.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        store(2); // the watcher stores the next batch while the pipeline works on the first
        worker.mailStored();
        goOn.countDown();

        await().atMost(PATIENCE).until(() -> cases.cases() == 2);
    }

    @Test
    void stopEndsTheThreadPromptly() throws InterruptedException {
        start(opensCases());
        await().atMost(PATIENCE).until(() -> worker.rounds() > 0);

        worker.stop();
        thread.join(PATIENCE.toMillis());

        assertThat(thread.isAlive()).isFalse();
    }

    private static Pipeline opensCases() {
        return Pipeline.builder().then(new ParseMime(new MimeParser(ParseLimits.defaults())))
                .then(new OpenCase(new Maintainers(List.of()), ZoneOffset.UTC)).build();
    }

    private void start(Pipeline pipeline) {
        runner = new PipelineRunner(pipeline, db, inbound, Clock.systemUTC(), () -> { }, (c, message, reason) -> { });
        worker = new PipelineWorker(runner);
        thread = new Thread(worker, "test-pipeline");
        thread.start();
    }

    private void store(long uid) {
        byte[] raw = TestMail.bytes(TestMail.report().messageId("<worker-" + uid + "@researcher.example>").build());
        db.inTransaction(c -> inbound.insert(c, new InboundStore.NewInbound("INBOX", 1, uid,
                "<worker-" + uid + "@researcher.example>", "hash-" + uid, raw.length, new ByteArrayInputStream(raw)),
                Instant.now()).orElseThrow());
    }
}

package org.sectriage.cli;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.sectriage.Daemon;
import org.sectriage.config.SectriageConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sectriage run}: the daemon, until SIGTERM or SIGINT. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Watch the security mailbox and keep the policy's promises, until stopped (SIGTERM).")
final class RunCommand implements java.util.concurrent.Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws InterruptedException {
        SectriageConfig cfg = config.load();
        Daemon daemon = Daemon.create(cfg, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.close();
            stopped.countDown();
        }, "sectriage-shutdown"));
        daemon.start();
        stopped.await();
        return 0;
    }
}

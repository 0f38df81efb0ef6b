package org.sectriage.cli;

import java.util.concurrent.Callable;
import org.sectriage.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sectriage demo}: the daemon against an embedded mail server, with sample reports. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an embedded mail server and a temporary database, send sample reports to the real"
                + " daemon, and print what happened. Needs nothing but Java.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--keep-running", description = "Stay up afterwards, and say how to send more mail to it.")
    boolean keepRunning;

    @Override
    public Integer call() throws Exception {
        if (System.getProperty("sectriage.log.level") == null) {
            System.setProperty("sectriage.log.level", "WARN");
        }
        Demo demo = new Demo(System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "sectriage-demo-shutdown"));
        return demo.run(keepRunning);
    }
}

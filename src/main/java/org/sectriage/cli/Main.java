package org.sectriage.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sectriage} command line: one subcommand per thing an admin does. */
@Command(name = "sectriage",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Runs a project's security@ mailbox: acknowledges, tracks and escalates vulnerability reports.",
        subcommands = {
            RunCommand.class,
            DemoCommand.class,
            CheckConfigCommand.class,
            CasesCommand.class,
            InboxCommand.class,
            ClassifyCommand.class,
            AdvisoryCommand.class,
            StatsCommand.class,
            KeysCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if ((args.length == 0 || !"run".equals(args[0])) && System.getProperty("sectriage.log.target") == null) {
            System.setProperty("sectriage.log.target", "System.err");
        }
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            // Logback, while it starts, reads the system time zone, which loads ical4j's time-zone rules, which
            // log through SLF4J before SLF4J is ready: SLF4J then replays that call (a debug line, dropped
            // by the configured levels) under a warning of its own at every start. Its errors still show.
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        JavaLogging.routeToSlf4j();
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling, for main and for tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new CliErrors());
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}

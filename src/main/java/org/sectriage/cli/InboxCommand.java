package org.sectriage.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.sectriage.store.Database;
import org.sectriage.store.InboundStore;
import org.sectriage.store.InboundStore.InboundRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sectriage inbox list}: every message fetched, with what became of it. */
@Command(name = "inbox", mixinStandardHelpOptions = true,
        description = "Every message fetched from the mailbox, and what became of it.",
        subcommands = {InboxCommand.ListInbox.class, InboxCommand.RetryInbox.class})
final class InboxCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List fetched messages: processed into a case, ignored (automated mail in no case),"
                    + " quarantined (a step failed; the raw message is kept), or still waiting.")
    static final class ListInbox implements Callable<Integer> {

        @Mixin
        DatabaseOption database;

        @Option(names = "--json", description = "One JSON object per message, one per line.")
        boolean json;

        @Override
        public Integer call() {
            try (Database db = database.openToRead()) {
                List<InboundRecord> all = db.inTransaction(c -> new InboundStore().all(c));
                if (json) {
                    all.forEach(r -> System.out.println(Json.write(r)));
                    return 0;
                }
                System.out.printf("%-6s %-16s %-12s %-15s %-11s %-30s %s%n", "ID", "FETCHED (UTC)", "STATUS", "CASE",
                        "KIND", "FROM", "DETAIL");
                for (InboundRecord r : all) {
                    System.out.printf("%-6d %-16s %-12s %-15s %-11s %-30s %s%n", r.id(),
                            CasesCommand.TIME.format(r.fetchedAt()), r.status(),
                            r.caseId() == null ? "-" : r.caseId(), r.kind() == null ? "-" : r.kind(),
                            CasesCommand.cut(r.sender(), 30),
                            CasesCommand.cut(r.statusDetail() == null ? "" : r.statusDetail(), 80));
                }
                return 0;
            }
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = {"Put a quarantined message back in the queue; sectriage processes it again when it next runs.",
                "With --as-report, also a message that was set aside (e.g. as spam), to be processed as a security"
                        + " report whatever the classifier says."})
    static final class RetryInbox implements Callable<Integer> {

        @Mixin
        DatabaseOption database;

        @picocli.CommandLine.Parameters(paramLabel = "ID", description = "The message number, from 'inbox list'.")
        long id;

        @picocli.CommandLine.Option(names = "--as-report",
                description = "Process it as a security report, even if it was classified as spam or not about security.")
        boolean asReport;

        @Override
        public Integer call() {
            try (Database db = database.openToChange()) {
                boolean queued = db.inTransaction(c -> new InboundStore().retry(c, id, asReport));
                if (!queued) {
                    throw new CliErrors.UserError("no " + (asReport ? "quarantined or set-aside" : "quarantined")
                            + " message " + id + " (see 'sectriage inbox list')");
                }
                System.out.println("message " + id + " is queued again; sectriage processes it when it next runs");
                return 0;
            }
        }
    }
}

package org.sectriage.cli;

import org.sectriage.act.MailTemplates;
import org.sectriage.config.ConfigException;
import org.sectriage.store.Database;
import picocli.CommandLine;

/**
 * Turns the failures an admin can fix (a bad config, a locked database) into a short message and
 * exit code 2, and anything else into exit code 1 with the stack trace.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {

    static final int USER_ERROR = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        if (e instanceof ConfigException ce) {
            cl.getErr().println("sectriage: the configuration has errors:");
            ce.errors().forEach(err -> cl.getErr().println("  " + err));
            return USER_ERROR;
        }
        if (e instanceof Database.DatabaseUnavailableException || e instanceof UserError
                || e instanceof MailTemplates.TemplateException) {
            cl.getErr().println("sectriage: " + e.getMessage());
            return USER_ERROR;
        }
        cl.getErr().println("sectriage: " + e);
        e.printStackTrace(cl.getErr());
        return 1;
    }

    /** A mistake in what the user asked for, reported as one line. */
    static final class UserError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UserError(String message) {
            super(message);
        }
    }
}

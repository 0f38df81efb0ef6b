package org.sectriage.act;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/** The timer of the SLA clock: every check interval, the cases whose next check has come are checked. */
@DisallowConcurrentExecution
public final class CheckDeadlinesJob implements Job {

    /** The key under which the scheduler's context holds the {@link CheckDeadlines}. */
    public static final String CHECKER = "deadlineChecker";

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            ((CheckDeadlines) context.getScheduler().getContext().get(CHECKER)).checkDue();
        } catch (SchedulerException | RuntimeException e) {
            throw new JobExecutionException("checking deadlines failed: " + e.getMessage(), e, false);
        }
    }
}

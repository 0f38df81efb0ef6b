package org.sectriage.outbox;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/** The timer that sends what is due in the outbox: every drain interval, and at once when mail is queued. */
@DisallowConcurrentExecution
public final class SendOutboxJob implements Job {

    /** The key under which the scheduler's context holds the {@link OutboxSender}. */
    public static final String SENDER = "outboxSender";

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            OutboxSender sender = (OutboxSender) context.getScheduler().getContext().get(SENDER);
            sender.sendDue();
        } catch (SchedulerException | RuntimeException e) {
            throw new JobExecutionException("sending the outbox failed: " + e.getMessage(), e, false);
        }
    }
}

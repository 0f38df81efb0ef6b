package org.sectriage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;
import org.sectriage.store.Database;
import org.sectriage.store.QuartzConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's timers: Quartz with its JDBC job store in the case database, so that they survive
 * restarts. Each is a repeating trigger whose missed runs are not made up one by one: a daemon that
 * was down for two days runs each job once when it is back, and the job finds all that came due.
 */
final class Timers {

    private static final Logger LOG = LoggerFactory.getLogger(Timers.class);
    private static final String GROUP = "sectriage";

    private final Scheduler scheduler;

    private Timers(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Timers on {@code db}, whose jobs find what they work on in the scheduler context under the
     * keys of {@code context}.
     */
    static Timers on(Database db, Map<String, Object> context) {
        String name = "sectriage-" + shortHash(db.url());
        DBConnectionManager.getInstance().addConnectionProvider(name, new QuartzConnections(db));
        Properties p = new Properties();
        p.put(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, name);
        p.put(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, "sectriage");
        p.put("org.quartz.threadPool.threadCount", "2");
        p.put("org.quartz.threadPool.threadNamePrefix", "sectriage-timer");
        p.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.put("org.quartz.jobStore.dataSource", name);
        p.put("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.put("org.quartz.jobStore.isClustered", "false");
        p.put("org.quartz.jobStore.misfireThreshold", "5000");
        try {
            Scheduler s = new StdSchedulerFactory(p).getScheduler();
            s.getContext().putAll(context);
            return new Timers(s);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot set up the timers: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code job} every {@code interval}. A trigger kept from the last run with the same interval
     * is kept, with what Quartz remembers of it; otherwise it is replaced and fires at once.
     */
    JobKey every(String name, Class<? extends Job> job, Duration interval) {
        JobKey key = JobKey.jobKey(name, GROUP);
        TriggerKey triggerKey = TriggerKey.triggerKey(name + "-every", GROUP);
        try {
            Trigger kept = scheduler.getTrigger(triggerKey);
            if (kept instanceof SimpleTrigger simple && simple.getRepeatInterval() == interval.toMillis()
                    && scheduler.checkExists(key)) {
                return key;
            }
            JobDetail detail = JobBuilder.newJob(job).withIdentity(key).storeDurably().build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(triggerKey).forJob(detail)
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(interval.toMillis())
                            .repeatForever()
                            // after a pause: run once now, and do not make up every missed run
                            .withMisfireHandlingInstructionNowWithExistingCount())
                    .startNow()
                    .build();
            scheduler.scheduleJob(detail, Set.of(trigger), true);
            return key;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule " + name + ": " + e.getMessage(), e);
        }
    }

    void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the timers: " + e.getMessage(), e);
        }
    }

    /** Runs {@code job} now, besides its schedule; does nothing when the timers are not running. */
    void runNow(JobKey job) {
        try {
            if (scheduler.isStarted() && !scheduler.isShutdown()) {
                scheduler.triggerJob(job);
            }
        } catch (SchedulerException e) {
            LOG.warn("cannot trigger {}: {}", job.getName(), e.getMessage());
        }
    }

    /** Stops the timers, waiting for the jobs that are running. */
    void stop() {
        try {
            if (!scheduler.isShutdown()) {
                scheduler.shutdown(true);
            }
        } catch (SchedulerException e) {
            LOG.warn("stopping the timers: {}", e.getMessage());
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

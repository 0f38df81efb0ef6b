package org.sectriage.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The times a security policy promises, each counted its own way: acknowledgement, first human
 * response, and the longest silence before escalation; how long before the first-response deadline
 * the primary coordinators are reminded; and the business calendar business time refers to.
 *
 * @param acknowledge from the report to its acknowledgement; never paused
 * @param firstResponse from the report to a maintainer's first message to the reporter
 * @param silence longest time without a maintainer's message to the reporter before escalation
 * @param reminderLead how long before the first-response deadline the first reminder goes out,
 *     counted as {@code firstResponse} is; zero for no early reminder
 * @param calendar working days, hours and holidays; its zone also places embargo dates
 * @param disclosureLead how long before the embargo date the team and the reporter are reminded, in
 *     calendar time; zero for no reminder
 */
public record SlaPolicy(TimeLimit acknowledge, TimeLimit firstResponse, TimeLimit silence,
                        Duration reminderLead, BusinessCalendar calendar, Duration disclosureLead) {

    /** A policy without a reminder before the embargo date. */
    public SlaPolicy(TimeLimit acknowledge, TimeLimit firstResponse, TimeLimit silence, Duration reminderLead,
                     BusinessCalendar calendar) {
        this(acknowledge, firstResponse, silence, reminderLead, calendar, Duration.ZERO);
    }

    public SlaPolicy {
        Objects.requireNonNull(calendar, "calendar");
        requirePositive("acknowledge", acknowledge);
        requirePositive("firstResponse", firstResponse);
        requirePositive("silence", silence);
        if (disclosureLead == null || disclosureLead.isNegative()) {
            throw new IllegalArgumentException("disclosureLead must be zero or more, got " + disclosureLead);
        }
        if (reminderLead == null || reminderLead.isNegative()) {
            throw new IllegalArgumentException("reminderLead must be zero or more, got " + reminderLead);
        }
    }

    /** When {@code limit} runs out if it starts at {@code start}, counting every instant its basis counts. */
    public Instant due(Instant start, TimeLimit limit) {
        return limit.basis().clockOf(calendar).add(start, limit.amount());
    }

    /**
     * When {@code limit} runs out if it starts at {@code start}, the pauses of {@code timeline} not
     * counted; empty while a pause that began before then goes on.
     */
    public Optional<Instant> dueUnpaused(CaseTimeline timeline, Instant start, TimeLimit limit) {
        return new PausedTime(limit.basis().clockOf(calendar), timeline.pauses()).add(start, limit.amount());
    }

    private static void requirePositive(String name, TimeLimit limit) {
        Objects.requireNonNull(limit, name);
        if (limit.amount().isZero()) {
            throw new IllegalArgumentException(name + " must be longer than zero, got " + limit);
        }
    }
}

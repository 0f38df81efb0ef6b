package org.sectriage.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The events of one case that its deadlines depend on, in order, and its embargo date if one was set:
 * everything the SLA clock needs to know of a case, and nothing else.
 */
public final class CaseTimeline {

    private final List<SlaEvent> events;
    private final LocalDate embargo;

    private CaseTimeline(List<SlaEvent> events, LocalDate embargo) {
        this.events = events.stream().sorted(Comparator.comparing(SlaEvent::at)).toList();
        this.embargo = embargo;
        if (this.events.isEmpty() || this.events.get(0).type() != SlaEventType.OPENED) {
            throw new IllegalArgumentException("a case timeline starts with the case being opened; got " + this.events);
        }
    }

    /** The timeline of a case opened at {@code at}, with nothing else yet. */
    public static CaseTimeline openedAt(Instant at) {
        return new CaseTimeline(List.of(new SlaEvent(at, SlaEventType.OPENED)), null);
    }

    /** The timeline made of {@code events}, which must include the opening, and {@code embargo} (may be null). */
    public static CaseTimeline of(List<SlaEvent> events, LocalDate embargo) {
        return new CaseTimeline(events, embargo);
    }

    /** This timeline with {@code type} happening at {@code at}. */
    public CaseTimeline with(SlaEventType type, Instant at) {
        List<SlaEvent> more = new ArrayList<>(events);
        more.add(new SlaEvent(at, type));
        return new CaseTimeline(more, embargo);
    }

    /** This timeline with the embargo (planned disclosure) set to {@code date}. */
    public CaseTimeline withEmbargo(LocalDate date) {
        return new CaseTimeline(events, date);
    }

    /** Every event, oldest first; events at the same instant keep the order they were added in. */
    public List<SlaEvent> events() {
        return events;
    }

    public Instant openedAt() {
        return events.get(0).at();
    }

    public Optional<LocalDate> embargo() {
        return Optional.ofNullable(embargo);
    }

    /** When {@code type} first happened, if it did. */
    public Optional<Instant> first(SlaEventType type) {
        return events.stream().filter(e -> e.type() == type).map(SlaEvent::at).findFirst();
    }

    /** When {@code type} last happened, if it did. */
    public Optional<Instant> last(SlaEventType type) {
        return events.stream().filter(e -> e.type() == type).map(SlaEvent::at).reduce((a, b) -> b);
    }

    /** When any of {@code types} last happened, if any did. */
    public Optional<Instant> lastOf(SlaEventType... types) {
        List<SlaEventType> wanted = List.of(types);
        return events.stream().filter(e -> wanted.contains(e.type())).map(SlaEvent::at).reduce((a, b) -> b);
    }

    /** True if the case is closed: it was closed and not reopened since. */
    public boolean isClosed() {
        return events.stream()
                .filter(e -> e.type() == SlaEventType.CLOSED || e.type() == SlaEventType.REOPENED)
                .reduce((a, b) -> b)
                .map(e -> e.type() == SlaEventType.CLOSED)
                .orElse(false);
    }

    /**
     * The stretches in which the team waited on the reporter: each starts at a wait and ends at the
     * reporter's next message, the end of the wait, or the case's closing; the last may still go on.
     */
    public List<Pause> pauses() {
        List<Pause> pauses = new ArrayList<>();
        Instant waitingSince = null;
        for (SlaEvent event : events) {
            switch (event.type()) {
                case WAITING_ON_REPORTER -> waitingSince = waitingSince == null ? event.at() : waitingSince;
                case REPORTER_MESSAGE, WAITING_ENDED, CLOSED -> {
                    if (waitingSince != null) {
                        pauses.add(new Pause(waitingSince, event.at()));
                        waitingSince = null;
                    }
                }
                default -> {
                }
            }
        }
        if (waitingSince != null) {
            pauses.add(new Pause(waitingSince, null));
        }
        return pauses;
    }
}

package org.sectriage.command;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.sectriage.domain.CaseEvent;
import org.sectriage.domain.CaseState;
import org.sectriage.sla.SlaEvent;
import org.sectriage.sla.SlaEventType;

/**
 * The work of applying one batch of commands: the case file as changed so far, and the events,
 * notices and errors collected. Commands act on it; {@link MaintainerCommands} turns it into the outcome.
 */
final class CaseChange {

    private final CommandContext context;
    private CaseFile file;
    private final List<CaseEvent> events = new ArrayList<>();
    private final List<ReporterNotice> notices = new ArrayList<>();
    private final List<SlaEvent> slaEvents = new ArrayList<>();
    private final List<CommandError> errors = new ArrayList<>();
    private boolean internal;
    private boolean helpRequested;
    private Invocation current;

    CaseChange(CaseFile file, CommandContext context) {
        this.file = file;
        this.context = context;
    }

    /** Makes {@code invocation} the command being applied: errors and events name it. */
    void begin(Invocation invocation) {
        current = invocation;
    }

    CaseFile file() {
        return file;
    }

    CommandContext context() {
        return context;
    }

    /** Changes the file with {@code change} and logs it as {@code eventType} with {@code detail}. */
    void update(UnaryOperator<CaseFile> change, String eventType, String detail) {
        set(change);
        log(eventType, detail);
    }

    /** Changes the file with {@code change} without an event of its own (the move that goes with it has one). */
    void set(UnaryOperator<CaseFile> change) {
        file = change.apply(file);
    }

    /** Triages a new or acknowledged case, as any assessment of it does; other cases stay as they are. */
    void triageIfNew() {
        if (Transition.TRIAGE.allowedFrom(file.state())) {
            move(Transition.TRIAGE, null);
        }
    }

    /**
     * Moves the case by {@code transition}, logging it with {@code detail} (may be null); when the
     * lifecycle does not allow it, records an error naming the current state and returns false.
     */
    boolean move(Transition transition, String detail) {
        if (transition.triagesFirst()) {
            triageIfNew();
        }
        CaseState from = file.state();
        if (!transition.allowedFrom(from)) {
            refuse(from == transition.target() && transition != Transition.REOPEN
                    ? "changes nothing: the case is already " + from.label()
                    : "cannot apply to " + Transition.describe(from) + ": " + transition.rule());
            return false;
        }
        CaseState to = transition.target();
        file = file.withState(to);
        log(transition.eventType(), from.label() + " -> " + to.label() + (detail == null ? "" : ": " + detail));
        if (from.isOpen() && !to.isOpen()) {
            if (to == CaseState.DISCLOSED) {
                sla(SlaEventType.DISCLOSED);
            }
            sla(SlaEventType.CLOSED);
        } else if (!from.isOpen() && to.isOpen()) {
            sla(SlaEventType.REOPENED);
        }
        return true;
    }

    void log(String type, String detail) {
        events.add(new CaseEvent(file.id(), context.clock().instant(), context.actor().address(), type, detail));
    }

    void notifyReporter(ReporterNotice.Kind kind, String detail) {
        notices.add(new ReporterNotice(kind, detail));
    }

    void sla(SlaEventType type) {
        slaEvents.add(new SlaEvent(context.clock().instant(), type));
    }

    void markInternal() {
        internal = true;
    }

    void requestHelp() {
        helpRequested = true;
    }

    /** Records that the current command cannot be applied: {@code problem} follows its name. */
    void refuse(String problem) {
        errors.add(new CommandError(current.line(), "#" + current.keyword() + " " + problem));
    }

    List<CommandError> errors() {
        return errors;
    }

    Effects effects(String helpText) {
        return new Effects(events, notices, slaEvents, internal, helpRequested ? helpText : null);
    }
}

package org.sectriage.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The ordered list of (condition, step) pairs every inbound message goes through. The first steps may
 * run ahead: they read only the message itself, never the database, so the runner may run them for
 * the next messages on other threads while the steps after them run for this one in its transaction.
 */
public final class Pipeline {

    /**
     * One stage: a step and the condition under which it applies.
     *
     * @param ahead true when the step may run ahead of the message's transaction, on another thread
     */
    public record Stage(String name, Condition when, Step step, boolean ahead) {
    }

    private final List<Stage> stages;

    private Pipeline(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    public List<Stage> stages() {
        return stages;
    }

    /** True when some steps run ahead of the message's transaction. */
    public boolean runsAhead() {
        return !stages.isEmpty() && stages.get(0).ahead();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a pipeline stage by stage, in the order messages go through it. */
    public static final class Builder {
        private final List<Stage> stages = new ArrayList<>();

        /**
         * Adds a step that reads only the message (the raw message and what the steps before it learned
         * of it) and so may run ahead of its transaction, on another thread: the envelope it gets has no
         * database connection. Such steps come first.
         */
        public Builder ahead(Step step) {
            return ahead(Condition.ALWAYS, step);
        }

        /** Adds a step that runs {@linkplain #ahead(Step) ahead}, when {@code when} holds. */
        public Builder ahead(Condition when, Step step) {
            if (!stages.isEmpty() && !stages.get(stages.size() - 1).ahead()) {
                throw new IllegalStateException(step.getClass().getSimpleName()
                        + ": the steps that run ahead of the transaction come before all the others");
            }
            stages.add(new Stage(step.getClass().getSimpleName(), when, step, true));
            return this;
        }

        public Builder then(Step step) {
            return when(Condition.ALWAYS, step);
        }

        public Builder when(Condition when, Step step) {
            stages.add(new Stage(step.getClass().getSimpleName(), when, step, false));
            return this;
        }

        public Pipeline build() {
            return new Pipeline(stages);
        }
    }

    /** A one-line description of the order, e.g. for the startup log. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Stage s : stages) {
            if (!sb.isEmpty()) {
                sb.append(" -> ");
            }
            sb.append(s.name());
            if (s.ahead()) {
                sb.append(" (ahead)");
            }
            if (s.when() != Condition.ALWAYS) {
                sb.append(" [").append(s.when().name()).append(']');
            }
        }
        return sb.toString();
    }
}

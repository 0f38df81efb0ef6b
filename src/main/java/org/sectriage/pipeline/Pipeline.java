package org.sectriage.pipeline;

import java.util.ArrayList;
import java.util.List;

/** The ordered list of (condition, step) pairs every inbound message goes through. */
public final class Pipeline {

    /** One stage: a step and the condition under which it applies. */
    public record Stage(String name, Condition when, Step step) {
    }

    private final List<Stage> stages;

    private Pipeline(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    public List<Stage> stages() {
        return stages;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a pipeline stage by stage, in the order messages go through it. */
    public static final class Builder {
        private final List<Stage> stages = new ArrayList<>();

        public Builder then(Step step) {
            return when(Condition.ALWAYS, step);
        }

        public Builder when(Condition when, Step step) {
            stages.add(new Stage(step.getClass().getSimpleName(), when, step));
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
            if (s.when() != Condition.ALWAYS) {
                sb.append(" [").append(s.when().name()).append(']');
            }
        }
        return sb.toString();
    }
}

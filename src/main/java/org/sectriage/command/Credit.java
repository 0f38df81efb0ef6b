package org.sectriage.command;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether and how the reporter is to be credited in the advisory: not decided yet, credited under a
 * name they chose ({@code #credit "Name"}), or not credited at all ({@code #no-credit}).
 */
public record Credit(Choice choice, String name) {

    /** What was decided about crediting the reporter. */
    public enum Choice { UNDECIDED, CREDITED, DECLINED }

    public Credit {
        Objects.requireNonNull(choice, "choice");
        if (choice == Choice.CREDITED && (name == null || name.isBlank())) {
            throw new IllegalArgumentException("a credit needs a name");
        }
        name = choice == Choice.CREDITED ? name.strip() : null;
    }

    public static Credit undecided() {
        return new Credit(Choice.UNDECIDED, null);
    }

    public static Credit as(String name) {
        return new Credit(Choice.CREDITED, name);
    }

    public static Credit declined() {
        return new Credit(Choice.DECLINED, null);
    }

    /**
     * The name to print in the advisory, if any: the chosen name; when nothing was decided, the
     * reporter's display name where the policy credits by default; never an address.
     */
    public Optional<String> nameToPublish(boolean creditByDefault, String reporterDisplayName) {
        return switch (choice) {
            case CREDITED -> Optional.of(name);
            case DECLINED -> Optional.empty();
            case UNDECIDED -> creditByDefault && reporterDisplayName != null && !reporterDisplayName.isBlank()
                    && !reporterDisplayName.contains("@")
                    ? Optional.of(reporterDisplayName.strip()) : Optional.empty();
        };
    }

    @Override
    public String toString() {
        return switch (choice) {
            case CREDITED -> "credited as \"" + name + "\"";
            case DECLINED -> "not credited";
            case UNDECIDED -> "credit not decided";
        };
    }
}

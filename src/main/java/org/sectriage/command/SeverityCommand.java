package org.sectriage.command;

import java.util.Optional;
import org.sectriage.classify.report.Severity;

/** {@code #severity critical|high|medium|low}: how serious the team judges the issue. */
final class SeverityCommand implements MaintainerCommand {

    @Override
    public String keyword() {
        return "severity";
    }

    @Override
    public String argumentSyntax() {
        return "critical|high|medium|low";
    }

    @Override
    public String description() {
        return "how serious it is; this wins over the rating of the CVSS score";
    }

    @Override
    public Reading read(String argument) {
        Optional<Severity> severity = argument.isEmpty() ? Optional.empty() : Severity.fromLabel(argument)
                .filter(s -> s != Severity.NONE);
        if (severity.isEmpty()) {
            return Reading.problem(argument.isEmpty() ? "needs a level"
                    : "needs critical, high, medium or low, not '" + argument + "'");
        }
        return Reading.of(change -> {
            change.triageIfNew();
            change.update(file -> file.withSeverity(severity.get()), "severity-set", severity.get().label());
        });
    }
}

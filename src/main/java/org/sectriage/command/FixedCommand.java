package org.sectriage.command;

import java.util.regex.Pattern;

/** {@code #fixed <version>}: the first version with the fix is out; the reporter is told. */
final class FixedCommand implements MaintainerCommand {

    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_~-]{0,63}");

    @Override
    public String keyword() {
        return "fixed";
    }

    @Override
    public String argumentSyntax() {
        return "<version>";
    }

    @Override
    public String description() {
        return "the first version with the fix; the reporter is told";
    }

    @Override
    public Reading read(String version) {
        if (version.isEmpty()) {
            return Reading.problem("needs the version that has the fix");
        }
        if (!VERSION.matcher(version).matches()) {
            return Reading.problem("needs one version such as 2.4.1, not '" + version + "'");
        }
        return Reading.of(change -> {
            if (change.move(Transition.FIX, "in " + version)) {
                change.set(file -> file.withFixedVersion(version));
                change.notifyReporter(ReporterNotice.Kind.FIXED, version);
            }
        });
    }
}

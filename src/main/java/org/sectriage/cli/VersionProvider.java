package org.sectriage.cli;

import picocli.CommandLine;

/** The version printed by {@code --version}: the jar's implementation version. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"sectriage " + (v == null ? "(development build)" : v)};
    }
}

package org.sectriage.command;

import java.util.Optional;
import org.sectriage.classify.report.CvssVector;
import org.sectriage.classify.report.CvssVectorFinder;

/**
 * {@code #cvss <vector>}: the CVSS vector, checked and scored (see {@link CvssVector}).
 */
final class CvssCommand implements MaintainerCommand {

    private final CvssVectorFinder finder = new CvssVectorFinder();

    @Override
    public String keyword() {
        return "cvss";
    }

    @Override
    public String argumentSyntax() {
        return "<vector>";
    }

    @Override
    public String description() {
        return "the CVSS 3.0, 3.1 or 4.0 vector, e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    }

    @Override
    public Reading read(String argument) {
        if (argument.isEmpty()) {
            return Reading.problem("needs a vector");
        }
        Optional<CvssVector> vector = finder.find(argument).filter(v -> v.vector().equals(argument));
        if (vector.isEmpty()) {
            return Reading.problem("needs a complete, valid CVSS 3.0, 3.1 or 4.0 vector, not '" + argument + "'");
        }
        CvssVector cvss = vector.get();
        return Reading.of(change -> {
            change.triageIfNew();
            change.update(file -> file.withCvss(cvss), "cvss-set", cvss.withScore());
        });
    }
}

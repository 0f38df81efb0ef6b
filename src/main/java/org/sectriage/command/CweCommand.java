package org.sectriage.command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** {@code #cwe CWE-79 [CWE-80 …]}: the weaknesses, replacing those set before. */
final class CweCommand implements MaintainerCommand {

    private static final Pattern CWE = Pattern.compile("(?i)CWE-([1-9][0-9]{0,5})");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

    @Override
    public String keyword() {
        return "cwe";
    }

    @Override
    public String argumentSyntax() {
        return "CWE-<id> [CWE-<id> ...]";
    }

    @Override
    public String description() {
        return "the weaknesses, e.g. CWE-79; replaces those set before";
    }

    @Override
    public Reading read(String argument) {
        if (argument.isEmpty()) {
            return Reading.problem("needs at least one CWE id");
        }
        Set<Integer> ids = new LinkedHashSet<>();
        for (String token : SEPARATORS.split(argument)) {
            Matcher m = CWE.matcher(token);
            if (!m.matches()) {
                return Reading.problem("needs CWE ids like CWE-79, not '" + token + "'");
            }
            ids.add(Integer.parseInt(m.group(1)));
        }
        List<Integer> cwes = new ArrayList<>(ids);
        String detail = cwes.stream().map(id -> "CWE-" + id).collect(Collectors.joining(", "));
        return Reading.of(change -> {
            change.triageIfNew();
            change.update(file -> file.withCwes(cwes), "cwe-set", detail);
        });
    }
}

package org.sectriage.advisory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The names of common CWE weaknesses, as the CWE list gives them; CSAF wants the name with the id. */
final class CweNames {

    private static final String RESOURCE = "/advisory/cwe-names.tsv";
    private static final Map<Integer, String> NAMES = load();

    private CweNames() {
    }

    /** The name of CWE-{@code id}, e.g. "Out-of-bounds Write" for 787; empty for one not in the table. */
    static Optional<String> of(int id) {
        return Optional.ofNullable(NAMES.get(id));
    }

    private static Map<Integer, String> load() {
        try (InputStream in = CweNames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Map<Integer, String> names = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (!line.startsWith("#") && tab > 0) {
                    names.put(Integer.parseInt(line.substring(0, tab)), line.substring(tab + 1).strip());
                }
            }
            return Map.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}

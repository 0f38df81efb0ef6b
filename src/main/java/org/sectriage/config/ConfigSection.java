package org.sectriage.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One mapping of a config file (the top level, a section such as {@code mailbox}, or one item of a
 * list) read key by key; every read names the key's dotted path and line in its error.
 *
 * <p>Mistakes are added to a list shared by all sections of one file rather than thrown, so that one
 * run finds them all. The keys a section is asked for are its known keys: {@link #reportUnknownKeys()}
 * reports every other key in it and in its subsections.
 *
 * <p>A section may be absent (its key is missing, or has no value): reads then return their fallback,
 * and required keys in it are reported only if the section's own absence was not.
 */
final class ConfigSection {

    private final String path;
    private final int line;
    private final boolean quietAboutMissingKeys;
    private final List<ConfigError> errors;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> knownKeys = new LinkedHashSet<>();
    private final Set<String> invalidKeys = new HashSet<>();
    private final List<ConfigSection> subsections = new ArrayList<>();

    /**
     * A section read from {@code node}, which may be null (absent) or not a mapping (an error).
     *
     * @param absenceReported whether the caller has reported this section as missing if it is
     */
    private ConfigSection(String path, int line, Node node, boolean absenceReported, List<ConfigError> errors) {
        this.path = path;
        this.line = line;
        this.errors = errors;
        boolean wrongType = node != null && !isNull(node) && !(node instanceof MappingNode);
        if (node instanceof MappingNode mapping) {
            readEntries(mapping);
        } else if (wrongType) {
            errors.add(new ConfigError(path, lineOf(node), "expected a mapping of keys to values, got " + describe(node)));
        }
        this.quietAboutMissingKeys = wrongType || (absenceReported && !(node instanceof MappingNode));
    }

    /** The top level of a config file whose YAML tree is {@code root}; mistakes go to {@code errors}. */
    static ConfigSection top(Node root, List<ConfigError> errors) {
        return new ConfigSection("", 0, root, false, errors);
    }

    /** This section's dotted key path, such as {@code mailbox} or {@code maintainers[0]}; empty for the top level. */
    String path() {
        return path;
    }

    /** The dotted key path of {@code key} in this section, such as {@code mailbox.port}. */
    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The 1-based line of {@code key} in this section, or 0 if it is not there. */
    int line(String key) {
        NodeTuple entry = entries.get(key);
        return entry == null ? 0 : lineOf(entry.getKeyNode());
    }

    /** Whether {@code key} is in this section with a value (not empty, not {@code null}). */
    boolean has(String key) {
        NodeTuple entry = entries.get(key);
        return entry != null && !isNull(entry.getValueNode());
    }

    /** Whether none of {@code keys} had an invalid value (absent keys count as valid). */
    boolean valid(String... keys) {
        for (String key : keys) {
            if (invalidKeys.contains(key)) {
                return false;
            }
        }
        return true;
    }

    /** The value of the required {@code key}, or null (with an error added) if it is missing or invalid. */
    <T> T required(String key, ValueType<T> type) {
        Node value = valueOf(key);
        if (value == null) {
            reportMissing(key);
            return null;
        }
        if (isNull(value)) {
            reject(key, "required, but has no value; expected " + type.description());
            return null;
        }
        return read(key, value, type, null);
    }

    /** The value of the optional {@code key}, or {@code fallback} if it is missing, empty, or invalid (with an error added). */
    <T> T optional(String key, ValueType<T> type, T fallback) {
        Node value = valueOf(key);
        return value == null || isNull(value) ? fallback : read(key, value, type, fallback);
    }

    /** The value of the optional {@code key}, or null if it is missing, empty, or invalid (with an error added). */
    <T> T optional(String key, ValueType<T> type) {
        return optional(key, type, null);
    }

    /**
     * The values of the optional list under {@code key}, each of {@code type}; {@code fallback} if the key
     * is missing or empty. A single value is taken as a list of one. Each wrong item is an error of its
     * own, naming its line, and is left out.
     */
    <T> List<T> optionalList(String key, ValueType<T> type, List<T> fallback) {
        Node value = valueOf(key);
        if (value == null || isNull(value)) {
            return fallback;
        }
        if (value instanceof ScalarNode) {
            T one = read(key, value, type, null);
            return one == null ? fallback : List.of(one);
        }
        if (!(value instanceof SequenceNode sequence)) {
            reject(key, "expected a list of " + type.description() + ", got " + describe(value));
            return fallback;
        }
        List<T> items = new ArrayList<>();
        int index = 0;
        for (Node item : sequence.getValue()) {
            String itemKey = path(key) + "[" + index++ + "]";
            T parsed = null;
            if (item instanceof ScalarNode scalar) {
                try {
                    parsed = type.parser().apply(scalar.getValue());
                } catch (RuntimeException invalid) {
                    // reported below
                }
            }
            if (parsed == null) {
                invalidKeys.add(key);
                errors.add(new ConfigError(itemKey, lineOf(item),
                        "expected " + type.description() + ", got " + describe(item)));
            } else {
                items.add(parsed);
            }
        }
        return List.copyOf(items);
    }

    /** The subsection under the required {@code key}. */
    ConfigSection requiredSection(String key) {
        Node value = valueOf(key);
        if (value == null) {
            reportMissing(key);
        } else if (isNull(value)) {
            reject(key, "required, but has no value");
        }
        return subsection(key, value, true);
    }

    /** The subsection under the optional {@code key}; absent (all defaults) if the key is missing. */
    ConfigSection optionalSection(String key) {
        return subsection(key, valueOf(key), false);
    }

    /**
     * The items of the required, non-empty list under {@code key}, each a mapping.
     *
     * @param description what the list holds, completing the sentence "expected ..."
     */
    List<ConfigSection> requiredList(String key, String description) {
        Node value = valueOf(key);
        if (value == null) {
            reportMissing(key);
            return List.of();
        }
        if (isNull(value)) {
            reject(key, "required, but has no value; expected " + description);
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            reject(key, "expected " + description + ", got " + describe(value));
            return List.of();
        }
        if (sequence.getValue().isEmpty()) {
            reject(key, "expected " + description + ", got an empty list");
            return List.of();
        }
        return sections(key, sequence);
    }

    /** The items of {@code sequence}, the list under {@code key}, each a section of its own. */
    private List<ConfigSection> sections(String key, SequenceNode sequence) {
        List<ConfigSection> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            ConfigSection section = new ConfigSection(
                    path(key) + "[" + items.size() + "]", lineOf(item), item, true, errors);
            subsections.add(section);
            items.add(section);
        }
        return items;
    }

    /** The items of the optional list under {@code key}, each a mapping; none if the key is missing or empty. */
    List<ConfigSection> optionalList(String key, String description) {
        Node value = valueOf(key);
        if (value == null || isNull(value)) {
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            reject(key, "expected " + description + ", got " + describe(value));
            return List.of();
        }
        return sections(key, sequence);
    }

    /** Adds an error about {@code key}: at its line if it is in this section, else naming this section's line. */
    void reject(String key, String message) {
        invalidKeys.add(key);
        int keyLine = line(key);
        errors.add(keyLine > 0 ? new ConfigError(path(key), keyLine, message) : missingError(key, message));
    }

    /**
     * Reports the keys of this section and its subsections that were never asked for: misspellings
     * with a suggestion, and {@code password}, which is never allowed in the config text.
     */
    void reportUnknownKeys() {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            String key = entry.getKey();
            if (knownKeys.contains(key)) {
                continue;
            }
            int keyLine = lineOf(entry.getValue().getKeyNode());
            errors.add(new ConfigError(path(key), keyLine, key.equals("password")
                    ? "passwords do not belong in the config file; write the password to a file of its own"
                            + " and give that file's path as password-file (a relative path is looked up"
                            + " in $CREDENTIALS_DIRECTORY, where systemd puts credentials)"
                    : "unknown key" + suggestionFor(key) + "; known keys here: " + String.join(", ", knownKeys)));
        }
        subsections.forEach(ConfigSection::reportUnknownKeys);
    }

    private void readEntries(MappingNode mapping) {
        for (NodeTuple entry : mapping.getValue()) {
            Node keyNode = entry.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                errors.add(new ConfigError(path, lineOf(keyNode), "expected plain text as a key, got " + describe(keyNode)));
                continue;
            }
            String key = scalarKey.getValue();
            NodeTuple first = entries.putIfAbsent(key, entry);
            if (first != null) {
                errors.add(new ConfigError(path(key), lineOf(keyNode),
                        "given twice; first at line " + lineOf(first.getKeyNode()) + ", keep one"));
            }
        }
    }

    private Node valueOf(String key) {
        knownKeys.add(key);
        NodeTuple entry = entries.get(key);
        return entry == null ? null : entry.getValueNode();
    }

    private <T> T read(String key, Node value, ValueType<T> type, T fallback) {
        if (value instanceof ScalarNode scalar) {
            try {
                return type.parser().apply(scalar.getValue());
            } catch (RuntimeException invalid) {
                // reported below, like a value of the wrong shape
            }
        }
        reject(key, "expected " + type.description() + ", got " + describe(value));
        return fallback;
    }

    private ConfigSection subsection(String key, Node value, boolean absenceReported) {
        int keyLine = line(key);
        ConfigSection section = new ConfigSection(path(key), keyLine, value, absenceReported, errors);
        subsections.add(section);
        return section;
    }

    private void reportMissing(String key) {
        if (quietAboutMissingKeys) {
            return;
        }
        invalidKeys.add(key);
        errors.add(missingError(key, "required"));
    }

    private ConfigError missingError(String key, String what) {
        String where;
        if (path.isEmpty()) {
            where = "missing from the top level of the file";
        } else if (line > 0) {
            where = "missing from '" + path + "' at line " + line;
        } else {
            where = "missing, and so is the section '" + path + "'";
        }
        return new ConfigError(path(key), 0, what + ", " + where);
    }

    private String suggestionFor(String unknown) {
        String wanted = unknown.toLowerCase(Locale.ROOT).replace("_", "-");
        int tolerance = unknown.length() <= 4 ? 1 : 2;
        for (String known : knownKeys) {
            if (known.replace("-", "").equals(wanted.replace("-", ""))
                    || editDistance(wanted, known) <= tolerance) {
                return " (did you mean '" + known + "'?)";
            }
        }
        return "";
    }

    /** The optimal-string-alignment distance: edits, counting a swap of neighbours as one. */
    private static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    private static int lineOf(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static String describe(Node node) {
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        String text = ((ScalarNode) node).getValue();
        return "'" + (text.length() > 80 ? text.substring(0, 77) + "..." : text) + "'";
    }
}

package org.sectriage.classify.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Loads {@link ReportRules} from the built-in {@code classify/rules.yaml} and, optionally, an admin's
 * extra rules file of the same shape that extends and overrides it. Every mistake is reported at
 * once in a {@link RulesException}, each naming the file, line and key.
 */
public final class ReportRulesLoader {

    /** The class-path resource of the built-in rules. */
    public static final String BUILT_IN = "classify/rules.yaml";

    private static final Set<String> TOP_KEYS =
            Set.of("decision", "classes", "signals", "impact", "completeness", "versions");
    private static final Set<String> CLASS_KEYS = Set.of("cwe", "severity", "max-severity", "phrases", "patterns");
    private static final Set<String> TERM_KEYS = Set.of("phrases", "patterns");
    private static final Set<String> ITEM_KEYS = Set.of("concrete", "ask", "phrases", "patterns");
    private static final Set<String> SIGNAL_KEYS = Set.of("security", "not-security", "spam");

    private final String file;
    private final List<RuleError> errors = new ArrayList<>();

    private ReportRulesLoader(String file) {
        this.file = file;
    }

    /** The built-in rules. */
    public static ReportRules builtIn() {
        try (InputStream in = ReportRulesLoader.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("the built-in rules " + BUILT_IN + " are missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in rules " + BUILT_IN, e);
        }
    }

    /**
     * The built-in rules extended and overridden by the rules file {@code extra}.
     *
     * @throws RulesException if the file cannot be read or has any mistake
     */
    public static ReportRules withExtra(Path extra) {
        String text;
        try {
            text = Files.readString(extra, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RulesException(List.of(new RuleError(extra.toString(), 0, "", "cannot read the rules file: " + e)));
        }
        return withExtra(text, extra.toString());
    }

    /**
     * The built-in rules extended and overridden by the YAML {@code text}, called {@code sourceName} in errors.
     *
     * @throws RulesException if the text has any mistake
     */
    public static ReportRules withExtra(String text, String sourceName) {
        return builtIn().overriddenBy(parse(text, sourceName, false));
    }

    /**
     * The rules in {@code text}; {@code complete} rules (the built-in ones) must hold every decision
     * threshold and the {@value ReportRules#OTHER_CLASS} class, and every class its severities.
     */
    static ReportRules parse(String text, String sourceName, boolean complete) {
        ReportRulesLoader loader = new ReportRulesLoader(sourceName);
        ReportRules rules = loader.read(loader.compose(text), complete);
        if (!loader.errors.isEmpty()) {
            throw new RulesException(loader.errors);
        }
        return rules;
    }

    private Node compose(String text) {
        try {
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
            if (root == null) {
                throw new RulesException(List.of(new RuleError(file, 0, "", "the rules file is empty")));
            }
            return root;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            throw new RulesException(List.of(new RuleError(file, mark == null ? 0 : mark.getLine() + 1, "",
                    "not valid YAML: " + e.getProblem())));
        } catch (YAMLException e) {
            throw new RulesException(List.of(new RuleError(file, 0, "", "not valid YAML: " + e.getMessage())));
        }
    }

    private ReportRules read(Node root, boolean complete) {
        Map<String, Node> top = entries(root, "", TOP_KEYS);
        Map<String, Integer> decision = new LinkedHashMap<>();
        entries(top.get("decision"), "decision", Set.copyOf(ReportRules.DECISION_KEYS)).forEach((key, node) -> {
            Integer value = integer(node, "decision." + key);
            if (value != null) {
                decision.put(key, value);
            }
        });
        Map<String, VulnClassRule> classes = new LinkedHashMap<>();
        entries(top.get("classes"), "classes", null).forEach((name, node) ->
                classes.put(name, vulnClass(name, node, complete)));
        Map<String, Node> signals = entries(top.get("signals"), "signals", SIGNAL_KEYS);
        Map<String, CompletenessItem> completeness = new LinkedHashMap<>();
        entries(top.get("completeness"), "completeness", null).forEach((name, node) ->
                completeness.put(name, item(name, node)));
        Map<String, Node> versions = entries(top.get("versions"), "versions", Set.of("patterns"));
        if (complete) {
            requireComplete(root, decision, classes);
        }
        return new ReportRules(decision, classes,
                terms(signals.get("security"), "signals.security"),
                terms(signals.get("not-security"), "signals.not-security"),
                terms(signals.get("spam"), "signals.spam"),
                terms(top.get("impact"), "impact"),
                completeness,
                versionPatterns(versions.get("patterns")));
    }

    private void requireComplete(Node root, Map<String, Integer> decision, Map<String, VulnClassRule> classes) {
        for (String key : ReportRules.DECISION_KEYS) {
            if (!decision.containsKey(key)) {
                error(root, "decision." + key, "missing; the built-in rules must set every decision threshold");
            }
        }
        if (!classes.containsKey(ReportRules.OTHER_CLASS)) {
            error(root, "classes." + ReportRules.OTHER_CLASS, "missing; it is the class of reports no other class fits");
        }
    }

    private VulnClassRule vulnClass(String name, Node node, boolean complete) {
        String key = "classes." + name;
        Map<String, Node> fields = entries(node, key, CLASS_KEYS);
        List<Integer> cwes = new ArrayList<>();
        if (fields.containsKey("cwe")) {
            for (Node cwe : sequence(fields.get("cwe"), key + ".cwe")) {
                Integer id = integer(cwe, key + ".cwe");
                if (id != null) {
                    cwes.add(id);
                }
            }
        }
        Severity severity = severity(fields.get("severity"), key + ".severity");
        Severity max = severity(fields.get("max-severity"), key + ".max-severity");
        if (complete && (severity == null || max == null)) {
            error(node, key, "needs both severity and max-severity in the built-in rules");
        }
        return new VulnClassRule(name, cwes, severity, max, terms(fields, key));
    }

    private CompletenessItem item(String name, Node node) {
        String key = "completeness." + name;
        Map<String, Node> fields = entries(node, key, ITEM_KEYS);
        Node concrete = fields.get("concrete");
        Boolean isConcrete = null;
        if (concrete != null) {
            String value = scalar(concrete, key + ".concrete");
            if ("true".equals(value) || "false".equals(value)) {
                isConcrete = Boolean.valueOf(value);
            } else if (value != null) {
                error(concrete, key + ".concrete", "expected true or false, got '" + value + "'");
            }
        }
        Node ask = fields.get("ask");
        return new CompletenessItem(name, isConcrete, ask == null ? null : scalar(ask, key + ".ask"),
                terms(fields, key));
    }

    /** The phrases and patterns of the section {@code node}, which holds nothing else. */
    private WeightedTerms terms(Node node, String key) {
        return terms(entries(node, key, TERM_KEYS), key);
    }

    /** The phrases and patterns among a section's {@code fields}. */
    private WeightedTerms terms(Map<String, Node> fields, String key) {
        List<Term> terms = new ArrayList<>();
        entries(fields.get("phrases"), key + ".phrases", null).forEach((phrase, weight) -> {
            Integer w = integer(weight, key + ".phrases." + phrase);
            if (w != null) {
                terms.add(Term.phrase(phrase, w));
            }
        });
        entries(fields.get("patterns"), key + ".patterns", null).forEach((regex, weight) -> {
            Integer w = integer(weight, key + ".patterns." + regex);
            if (w != null) {
                try {
                    terms.add(Term.pattern(regex, w));
                } catch (PatternSyntaxException e) {
                    error(weight, key + ".patterns", "not a valid regular expression '" + regex + "': "
                            + e.getDescription());
                }
            }
        });
        return WeightedTerms.of(terms);
    }

    private List<Pattern> versionPatterns(Node node) {
        List<Pattern> patterns = new ArrayList<>();
        if (node == null) {
            return patterns;
        }
        for (Node item : sequence(node, "versions.patterns")) {
            String regex = scalar(item, "versions.patterns");
            if (regex == null) {
                continue;
            }
            try {
                Pattern pattern = Pattern.compile(regex);
                if (pattern.matcher("").groupCount() < 1) {
                    error(item, "versions.patterns", "'" + regex + "' needs a group 1 that captures the version");
                } else {
                    patterns.add(pattern);
                }
            } catch (PatternSyntaxException e) {
                error(item, "versions.patterns", "not a valid regular expression '" + regex + "': " + e.getDescription());
            }
        }
        return patterns;
    }

    /** The entries of the mapping {@code node} by key; with {@code allowed} given, other keys are errors. */
    private Map<String, Node> entries(Node node, String key, Set<String> allowed) {
        Map<String, Node> entries = new LinkedHashMap<>();
        if (node == null) {
            return entries;
        }
        if (!(node instanceof MappingNode mapping)) {
            error(node, key, "expected a mapping of names to values");
            return entries;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String name = scalar(tuple.getKeyNode(), key);
            if (name == null) {
                continue;
            }
            String dotted = key.isEmpty() ? name : key + "." + name;
            if (allowed != null && !allowed.contains(name)) {
                error(tuple.getKeyNode(), dotted, "unknown key; expected one of " + new java.util.TreeSet<>(allowed));
            } else if (entries.put(name, tuple.getValueNode()) != null) {
                error(tuple.getKeyNode(), dotted, "given twice");
            }
        }
        return entries;
    }

    private List<Node> sequence(Node node, String key) {
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        error(node, key, "expected a list, e.g. [79, 80]");
        return List.of();
    }

    private String scalar(Node node, String key) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        error(node, key, "expected a single value");
        return null;
    }

    private Integer integer(Node node, String key) {
        String value = scalar(node, key);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            error(node, key, "expected a whole number, got '" + value + "'");
            return null;
        }
    }

    private Severity severity(Node node, String key) {
        if (node == null) {
            return null;
        }
        String value = scalar(node, key);
        if (value == null) {
            return null;
        }
        return Severity.fromLabel(value).filter(s -> s != Severity.NONE).orElseGet(() -> {
            error(node, key, "expected critical, high, medium or low, got '" + value + "'");
            return null;
        });
    }

    private void error(Node node, String key, String message) {
        errors.add(new RuleError(file, node.getStartMark().getLine() + 1, key, message));
    }
}

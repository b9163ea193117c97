package io.sluice.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Turns YAML text into a JSON tree while remembering the line of every key, and resolves {@code
 * ${...}} references in scalars on the way.
 *
 * <p>Substitution happens per scalar after parsing, so a value from the environment can never
 * change the document's structure, and an unquoted {@code port: ${PORT:-8080}} is typed after
 * substitution (an integer here), as if the value had been written in place.
 */
final class YamlTree {

    private final String file;
    private final Substitutions substitutions;
    private final Map<String, Integer> lines = new HashMap<>();
    private final List<ConfigProblem> problems;
    private final Resolver resolver = new Resolver();

    YamlTree(String file, Substitutions substitutions, List<ConfigProblem> problems) {
        this.file = file;
        this.substitutions = substitutions;
        this.problems = problems;
    }

    Map<String, Integer> lines() {
        return lines;
    }

    /** Parses the text; syntax errors end parsing and are reported with their line. */
    JsonObject parse(String text) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(new ConfigProblem(file, line, "", "is not valid YAML: " + e.getProblem(), null));
            return null;
        }
        if (root == null) {
            problems.add(new ConfigProblem(file, 1, "", "is empty; a configuration is a YAML mapping", null));
            return null;
        }
        Object value = convert(root, "");
        if (!(value instanceof JsonObject)) {
            problems.add(new ConfigProblem(file, line(root), "", "must be a YAML mapping at the top level", null));
            return null;
        }
        return (JsonObject) value;
    }

    private Object convert(Node node, String pointer) {
        lines.putIfAbsent(pointer, line(node));
        if (node instanceof MappingNode) {
            JsonObject object = new JsonObject();
            for (NodeTuple tuple : ((MappingNode) node).getValue()) {
                String key = ((ScalarNode) tuple.getKeyNode()).getValue();
                String child = pointer + "/" + escape(key);
                lines.put(child, line(tuple.getKeyNode()));
                object.put(key, convert(tuple.getValueNode(), child));
            }
            return object;
        }
        if (node instanceof SequenceNode) {
            JsonArray array = new JsonArray();
            List<Node> items = ((SequenceNode) node).getValue();
            for (int i = 0; i < items.size(); i++) {
                array.add(convert(items.get(i), pointer + "/" + i));
            }
            return array;
        }
        return scalar((ScalarNode) node, pointer);
    }

    private Object scalar(ScalarNode node, String pointer) {
        String raw = node.getValue();
        Tag tag = node.getTag();
        if (raw.contains("${") || raw.contains("$${")) {
            String substituted;
            try {
                substituted = substitutions.apply(raw);
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(file, line(node), pointer, e.getMessage(), raw));
                return raw;
            }
            // An empty substitution stays an empty string: `${X:-}` means "nothing", not null.
            if (node.isPlain() && !substituted.isEmpty()) {
                tag = resolver.resolve(NodeId.scalar, substituted, true);
            } else {
                tag = Tag.STR;
            }
            raw = substituted;
        }
        return typed(raw, tag);
    }

    private static Object typed(String value, Tag tag) {
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            return Boolean.parseBoolean(value.toLowerCase());
        }
        if (Tag.INT.equals(tag)) {
            try {
                return Long.parseLong(value.replace("_", ""));
            } catch (NumberFormatException e) {
                return value;
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            try {
                return Double.parseDouble(value.replace("_", ""));
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return value;
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}

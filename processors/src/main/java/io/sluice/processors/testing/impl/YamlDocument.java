package io.sluice.processors.testing.impl;

import io.sluice.config.ConfigException;
import io.sluice.config.ConfigProblem;
import io.sluice.config.ConfigSource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML document as Vert.x JSON, with the line of every key so that errors can point at it.
 *
 * @param root the document: a {@code JsonObject}, {@code JsonArray} or scalar
 * @param source the file name and lines, by JSON pointer
 */
record YamlDocument(Object root, ConfigSource source) {

    /**
     * Parses YAML text.
     *
     * @throws ConfigException naming the file and line of a syntax error
     */
    static YamlDocument parse(String file, String text) {
        try {
            Object value = yaml().load(text);
            Node node = yaml().compose(new StringReader(text));
            Map<String, Integer> lines = new HashMap<>();
            if (node != null) {
                mark(node, "", lines);
            }
            return new YamlDocument(toJson(value), new ConfigSource(file, lines));
        } catch (YAMLException e) {
            throw new ConfigException(new ConfigProblem(file, 0, "", "is not valid YAML: " + e.getMessage(), null));
        }
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    private static void mark(Node node, String pointer, Map<String, Integer> lines) {
        lines.putIfAbsent(pointer, node.getStartMark().getLine() + 1);
        if (node instanceof MappingNode) {
            for (NodeTuple tuple : ((MappingNode) node).getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode) {
                    String key = ((ScalarNode) tuple.getKeyNode()).getValue();
                    String at = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                    lines.put(at, tuple.getKeyNode().getStartMark().getLine() + 1);
                    mark(tuple.getValueNode(), at, lines);
                }
            }
        } else if (node instanceof SequenceNode) {
            List<Node> items = ((SequenceNode) node).getValue();
            for (int i = 0; i < items.size(); i++) {
                mark(items.get(i), pointer + "/" + i, lines);
            }
        }
    }

    /** Maps and lists as JsonObject and JsonArray; YAML timestamps as RFC 3339 strings. */
    static Object toJson(Object value) {
        if (value instanceof Map) {
            JsonObject object = new JsonObject();
            ((Map<?, ?>) value).forEach((key, item) -> object.put(String.valueOf(key), toJson(item)));
            return object;
        }
        if (value instanceof List) {
            JsonArray array = new JsonArray();
            ((List<?>) value).forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value instanceof Date) {
            return ((Date) value).toInstant().toString();
        }
        return value;
    }
}

package io.sluice.chart;

import java.util.List;
import java.util.Map;

/**
 * One document of a rendered file, as helm wrote it.
 *
 * @param source the template it came from, from helm's {@code # Source:} line
 * @param text the document's YAML
 * @param tree the document parsed as plain YAML, for the checks that need no Kubernetes model
 */
record Manifest(String source, String text, Map<String, Object> tree) {

    String apiVersion() {
        return (String) tree.get("apiVersion");
    }

    String kind() {
        return (String) tree.get("kind");
    }

    String name() {
        Object name = map(tree, "metadata").get("name");
        return name == null ? "<unnamed>" : name.toString();
    }

    /** Kind, name and template, the way a failure message names a document. */
    String label() {
        return kind() + "/" + name() + " (" + source + ")";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value instanceof List ? (List<Map<String, Object>>) value : List.of();
    }
}

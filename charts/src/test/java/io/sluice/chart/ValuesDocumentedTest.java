package io.sluice.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The values table in the chart's README.md and values.yaml describe the same keys. */
class ValuesDocumentedTest {

    /** Objects documented as a whole: their content is Sluice's or Kubernetes' own format. */
    private static final Set<String> WHOLE = Set.of("config");

    private static final Pattern TABLE_KEY = Pattern.compile("(?m)^\\| `([^`]+)` \\|");

    @Test
    void everyValueHasARowInTheReadme() throws IOException {
        Set<String> documented = readmeKeys();

        List<String> leaves = leaves(values(), "");

        assertThat(leaves)
                .as("values.yaml keys with no README row for themselves or a parent")
                .filteredOn(key -> !documentedOrParent(key, documented))
                .isEmpty();
    }

    @Test
    void everyReadmeRowNamesAValue() throws IOException {
        Map<String, Object> values = values();

        Set<String> documented = readmeKeys();

        assertThat(documented)
                .as("README rows for keys values.yaml does not have")
                .filteredOn(key -> !exists(values, key))
                .isEmpty();
    }

    private static Set<String> readmeKeys() throws IOException {
        Matcher matcher = TABLE_KEY.matcher(Files.readString(RenderedChart.CHART.resolve("README.md")));
        return matcher.results().map(match -> match.group(1)).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> values() throws IOException {
        return (Map<String, Object>) RenderedChart.yaml(Files.readString(RenderedChart.CHART.resolve("values.yaml")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> leaves(Map<String, Object> map, String prefix) {
        List<String> keys = new ArrayList<>();
        map.forEach((key, value) -> {
            String path = prefix + key;
            if (value instanceof Map<?, ?> child && !child.isEmpty() && !WHOLE.contains(path)) {
                keys.addAll(leaves((Map<String, Object>) child, path + "."));
            } else {
                keys.add(path);
            }
        });
        return keys;
    }

    private static boolean documentedOrParent(String key, Set<String> documented) {
        for (String path = key; ; path = path.substring(0, path.lastIndexOf('.'))) {
            if (documented.contains(path)) {
                return true;
            }
            if (path.indexOf('.') < 0) {
                return false;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean exists(Map<String, Object> values, String key) {
        Object node = values;
        for (String part : key.split("\\.")) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return false;
            }
            node = ((Map<String, Object>) map).get(part);
        }
        return true;
    }
}
